package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordsTest {
  private final RegistryState state = new RegistryState();

  @Test
  void keysHaveConfluentsLayoutAndTheSameBytesEveryTime() {
    assertThat(text(StoreRecords.schemaKey("t-value", 3)))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":3,\"magic\":1}");
    assertThat(StoreRecords.schemaKey("t-value", 3)).isEqualTo(StoreRecords.schemaKey("t-value", 3));
    assertThat(text(StoreRecords.configKey(null))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(text(StoreRecords.configKey("s"))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
    assertThat(text(StoreRecords.configValue(CompatibilityLevel.FULL))).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
  }

  @Test
  void schemaRecordsRoundTripAndTombstonesRemoveThem() {
    StoredSchema v1 = new StoredSchema("s", 1, 7, SchemaType.PROTOBUF, "message M {}", false);
    apply(StoreRecords.schemaKey("s", 1), StoreRecords.schemaValue(v1));

    assertThat(state.version("s", 1)).contains(v1);
    assertThat(state.byId(7)).contains(v1);
    assertThat(state.idOf(SchemaType.PROTOBUF, "message M {}", SchemaExtras.NONE)).contains(7);
    assertThat(state.maxId()).isEqualTo(7);

    apply(StoreRecords.schemaKey("s", 1), StoreRecords.schemaValue(v1.asDeleted()));
    assertThat(state.versions("s", false)).isEmpty();
    assertThat(state.versions("s", true)).containsExactly(v1.asDeleted());
    assertThat(state.subjects(false)).isEmpty();
    assertThat(state.subjects(true)).containsExactly("s");
    assertThat(state.byId(7)).as("soft-deleted schemas stay readable by id").isPresent();

    apply(StoreRecords.schemaKey("s", 1), null);
    assertThat(state.versions("s", true)).isEmpty();
    assertThat(state.byId(7)).isEmpty();
    assertThat(state.idOf(SchemaType.PROTOBUF, "message M {}", SchemaExtras.NONE)).isEmpty();
    assertThat(state.maxId()).as("an id once seen is never handed out again").isEqualTo(7);
  }

  @Test
  void anIdSharedBySubjectsSurvivesTheRemovalOfOneOfThem() {
    apply(StoreRecords.schemaKey("a", 1), StoreRecords.schemaValue(new StoredSchema("a", 1, 3, SchemaType.AVRO,
        "\"string\"", false)));
    apply(StoreRecords.schemaKey("b", 1), StoreRecords.schemaValue(new StoredSchema("b", 1, 3, SchemaType.AVRO,
        "\"string\"", false)));
    apply(StoreRecords.schemaKey("a", 1), null);

    assertThat(state.byId(3)).map(StoredSchema::subject).contains("b");
    assertThat(state.usages(3, true)).extracting(StoredSchema::subject).containsExactly("b");
    assertThat(state.idOf(SchemaType.AVRO, "\"string\"", SchemaExtras.NONE)).contains(3);
  }

  @Test
  void confluentRecordsAreUnderstoodAndForeignOnesSkipped() {
    // A value written by Confluent's registry up to 7.9: no schemaType means AVRO.
    apply(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"c\",\"version\":1,\"magic\":1}"),
        bytes("{\"subject\":\"c\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":false}"));
    apply(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"c\",\"version\":2,\"magic\":1}"),
        bytes("{\"subject\":\"c\",\"version\":2,\"id\":2,\"schema\":\"\\\"long\\\"\",\"deleted\":false}"));
    apply(bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"c\",\"magic\":0}"),
        bytes("{\"subject\":\"c\",\"version\":1}"));
    apply(StoreRecords.configKey(null), StoreRecords.configValue(CompatibilityLevel.NONE));
    apply(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null);
    apply(bytes("not json"), bytes("{}"));
    apply(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"c\",\"version\":\"x\",\"magic\":1}"), bytes("{}"));

    assertThat(state.version("c", 1)).hasValueSatisfying(s -> {
      assertThat(s.type()).isEqualTo(SchemaType.AVRO);
      assertThat(s.deleted()).isTrue();
    });
    assertThat(state.versions("c", false)).extracting(StoredSchema::version).containsExactly(2);
    assertThat(state.globalLevel()).contains(CompatibilityLevel.NONE);

    apply(StoreRecords.configKey(null), null);
    assertThat(state.globalLevel()).isEmpty();
  }

  @Test
  void aConfigRecordReplacesTheWholeConfigNormalizeIncluded() {
    apply(StoreRecords.configKey("s"), StoreRecords.configValue(null, true));
    assertThat(state.subjectLevel("s")).isEmpty();
    assertThat(state.normalizeInScope("s")).isTrue();

    apply(StoreRecords.configKey("s"), StoreRecords.configValue(CompatibilityLevel.FULL, null));
    assertThat(state.subjectLevel("s")).contains(CompatibilityLevel.FULL);
    assertThat(state.subjectNormalize("s")).isEmpty();

    apply(StoreRecords.configKey(null), bytes("{\"compatibilityLevel\":\"NONE\",\"normalize\":true}"));
    assertThat(state.normalizeInScope("s")).isTrue();
    apply(StoreRecords.configKey(null), null);
    assertThat(state.normalizeInScope("s")).isFalse();
    assertThat(state.globalLevel()).isEmpty();
  }

  private void apply(byte[] key, byte[] value) {
    StoreRecords.apply(state, key, value, 0);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void metadataAndRuleSetRoundTripAndAreLeftOutWhenAbsent() {
    SchemaExtras extras = new SchemaExtras("{\"properties\":{\"owner\":\"billing\"}}", "{\"domainRules\":[]}");
    StoredSchema v1 = new StoredSchema("s", 1, 5, SchemaType.AVRO, "\"string\"", false, extras);
    apply(StoreRecords.schemaKey("s", 1), StoreRecords.schemaValue(v1));
    assertThat(state.version("s", 1)).contains(v1);
    assertThat(state.idOf(SchemaType.AVRO, "\"string\"", extras)).contains(5);
    assertThat(state.idOf(SchemaType.AVRO, "\"string\"", SchemaExtras.NONE)).isEmpty();
    assertThat(text(StoreRecords.schemaValue(new StoredSchema("s", 2, 6, SchemaType.AVRO, "\"int\"", false))))
        .doesNotContain("metadata").doesNotContain("ruleSet");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
