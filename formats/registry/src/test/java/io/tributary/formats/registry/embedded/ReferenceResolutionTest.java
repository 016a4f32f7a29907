package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.TributaryException;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolving a schema's references against the registry's state, and storing them with a version. */
class ReferenceResolutionTest {
  private final RegistryState state = new RegistryState();

  private void put(String subject, int version, int id, String text, SchemaReference... references) {
    StoredSchema s = new StoredSchema(subject, version, id, SchemaType.AVRO, text, false, SchemaExtras.NONE,
        List.of(references));
    StoreRecords.apply(state, StoreRecords.schemaKey(subject, version), StoreRecords.schemaValue(s), 0);
  }

  private List<ResolvedReference> resolve(SchemaReference... references) {
    return ReferenceResolution.resolve(List.of(references), state::referencedVersion);
  }

  @Test
  void referencesOfReferencesComeFirstAndEachNameOnce() {
    put("kind", 1, 1, "K");
    put("address", 1, 2, "A", new SchemaReference("acme.Kind", "kind", 1));
    put("phone", 1, 3, "P", new SchemaReference("acme.Kind", "kind", 1));

    assertThat(resolve(new SchemaReference("acme.Address", "address", 1), new SchemaReference("acme.Phone", "phone",
        1))).containsExactly(new ResolvedReference("acme.Kind", "K"), new ResolvedReference("acme.Address", "A"),
            new ResolvedReference("acme.Phone", "P"));
    assertThat(resolve()).isEmpty();
  }

  @Test
  void versionMinusOneIsTheLatestLiveVersionAndHoldsItForReferencedBy() {
    put("address", 1, 2, "A1");
    put("address", 2, 3, "A2");
    put("customer", 1, 5, "C", new SchemaReference("acme.Address", "address", -1));

    assertThat(resolve(new SchemaReference("acme.Address", "address", -1)))
        .containsExactly(new ResolvedReference("acme.Address", "A2"));
    assertThat(state.referencedBy("address", 2)).containsExactly(5);
    assertThat(state.referencedBy("address", 1)).isEmpty();
  }

  @Test
  void aMissingSubjectOrVersionIs42201NamingTheReference() {
    put("address", 1, 2, "A");

    assertThatThrownBy(() -> resolve(new SchemaReference("acme.Address", "address", 2)))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code()).isEqualTo(42201))
        .hasMessageContaining("reference 'acme.Address' names subject address version 2, which does not exist");
    assertThatThrownBy(() -> resolve(new SchemaReference("x", "nowhere", 1)))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code()).isEqualTo(42201));
  }

  @Test
  void aCycleIs42201() {
    // Only a topic written by something else can hold a cycle: this registry resolves references before storing.
    put("a", 1, 1, "A", new SchemaReference("b", "b", 1));
    put("b", 1, 2, "B", new SchemaReference("a", "a", 1));

    assertThatThrownBy(() -> resolve(new SchemaReference("a", "a", 1)))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code()).isEqualTo(42201))
        .hasMessageContaining("cycle").hasMessageContaining("a version 1 -> b version 1 -> a version 1");
  }

  @Test
  void referencesAreStoredInConfluentsLayoutArePartOfTheIdentityAndCountForReferencedBy() {
    put("address", 1, 2, "A");
    put("customer", 1, 5, "C", new SchemaReference("acme.Address", "address", 1));

    byte[] value = StoreRecords.schemaValue(state.version("customer", 1).orElseThrow());
    assertThat(new String(value, StandardCharsets.UTF_8))
        .contains("\"references\":[{\"name\":\"acme.Address\",\"subject\":\"address\",\"version\":1}]");
    assertThat(new String(StoreRecords.schemaValue(state.version("address", 1).orElseThrow()),
        StandardCharsets.UTF_8)).doesNotContain("references");
    assertThat(state.idOf(SchemaType.AVRO, "C", SchemaExtras.NONE,
        List.of(new SchemaReference("acme.Address", "address", 1)))).contains(5);
    assertThat(state.idOf(SchemaType.AVRO, "C", SchemaExtras.NONE)).isEmpty();

    assertThat(state.referencedBy("address", 1)).containsExactly(5);
    put("customer", 1, 5, "C", new SchemaReference("acme.Address", "address", 1));
    StoredSchema deleted = state.version("customer", 1).orElseThrow().asDeleted();
    StoreRecords.apply(state, StoreRecords.schemaKey("customer", 1), StoreRecords.schemaValue(deleted), 1);
    assertThat(state.referencedBy("address", 1)).as("soft-deleted referrers no longer hold it").isEmpty();
  }
}
