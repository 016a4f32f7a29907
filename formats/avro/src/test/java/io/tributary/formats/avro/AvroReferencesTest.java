package io.tributary.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Avro schemas that use named types defined by their schema references. */
class AvroReferencesTest {
  private static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\","
      + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String CUSTOMER = "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"acme\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"home\",\"type\":\"acme.Address\"}]}";
  private static final List<ResolvedReference> REFS = List.of(new ResolvedReference("acme.Address", ADDRESS));

  private final AvroSchemaFormat avro = new AvroSchemaFormat();

  @Test
  void aReferencedTypeIsKnownByNameAndTheCanonicalTextDoesNotInlineIt() {
    ParsedSchema customer = avro.parse(CUSTOMER, REFS);

    // Avro writes the name relative to the enclosing namespace.
    assertThat(customer.canonical()).contains("\"type\":\"Address\"").doesNotContain("street");
    assertThat(avro.formatted(customer, "resolved")).contains("\"name\":\"Address\"").contains("street");
    assertThat(avro.formatted(customer, null)).isEqualTo(customer.canonical());
    assertThat(customer.recordName()).contains("acme.Customer");
  }

  @Test
  void dataRoundTripsThroughTheReferencedType() {
    ParsedSchema customer = avro.parse(CUSTOMER, REFS);
    JsonObject value = new JsonObject().put("name", "Ada").put("home", new JsonObject().put("street", "Main"));

    byte[] payload = avro.jsonToPayload(customer, value);

    assertThat(avro.payloadToJson(customer, payload)).isEqualTo(value);
  }

  @Test
  void referencesOfReferencesAreParsedDependenciesFirst() {
    String street = "{\"type\":\"enum\",\"name\":\"Kind\",\"namespace\":\"acme\",\"symbols\":[\"ROAD\",\"LANE\"]}";
    String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\","
        + "\"fields\":[{\"name\":\"kind\",\"type\":\"acme.Kind\"}]}";

    ParsedSchema customer = avro.parse(CUSTOMER, List.of(new ResolvedReference("acme.Kind", street),
        new ResolvedReference("acme.Address", address)));

    assertThat(avro.formatted(customer, "resolved")).contains("ROAD");
  }

  @Test
  void aTypeNoReferenceDefinesIsAnInvalidSchema() {
    assertThatThrownBy(() -> avro.parse(CUSTOMER, List.of()))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("acme.Address");
    assertThatThrownBy(() -> avro.parse(CUSTOMER, List.of(new ResolvedReference("acme.Address", "{nope"))))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("referenced schema 'acme.Address'");
  }

  @Test
  void compatibilityLooksIntoTheReferencedTypes() {
    String address2 = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\","
        + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"zip\",\"type\":\"string\"}]}";
    ParsedSchema v1 = avro.parse(CUSTOMER, REFS);
    ParsedSchema v2 = avro.parse(CUSTOMER, List.of(new ResolvedReference("acme.Address", address2)));

    // The new Address field has no default: the new schema cannot read old data.
    assertThat(avro.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.BACKWARD)).isNotEmpty();
    assertThat(avro.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.FORWARD)).isEmpty();
  }
}
