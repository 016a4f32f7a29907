package io.tributary.formats.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Schemas whose {@code $ref}s name other schemas by reference name. */
class JsonSchemaReferencesTest {
  private static final String ADDRESS = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}},"
      + "\"required\":[\"street\"]}";
  private static final String CUSTOMER = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
      + "\"home\":{\"$ref\":\"address.json\"}},\"required\":[\"name\",\"home\"]}";
  private static final List<ResolvedReference> REFS = List.of(new ResolvedReference("address.json", ADDRESS));

  private final JsonSchemaFormat json = new JsonSchemaFormat();

  @Test
  void dataIsValidatedThroughTheReferencedSchema() {
    ParsedSchema customer = json.parse(CUSTOMER, REFS);
    JsonObject good = new JsonObject().put("name", "Ada").put("home", new JsonObject().put("street", "Main"));

    assertThat(json.payloadToJson(customer, json.jsonToPayload(customer, good))).isEqualTo(good);
    assertThatThrownBy(() -> json.jsonToPayload(customer,
        new JsonObject().put("name", "Ada").put("home", new JsonObject().put("street", 5))))
        .isInstanceOf(DataMismatchException.class);
    // The canonical text keeps the $ref; resolved does too (Confluent inlines only Avro).
    assertThat(customer.canonical()).contains("\"$ref\":\"address.json\"");
    assertThat(json.formatted(customer, "resolved")).isEqualTo(customer.canonical());
  }

  @Test
  void aFragmentOfAReferencedSchemaResolvesAndReferencesOfReferencesToo() {
    String street = "{\"definitions\":{\"name\":{\"type\":\"string\",\"minLength\":2}}}";
    String address = "{\"type\":\"object\",\"properties\":{\"street\":{\"$ref\":\"street.json#/definitions/name\"}}}";
    ParsedSchema customer = json.parse(CUSTOMER, List.of(new ResolvedReference("street.json", street),
        new ResolvedReference("address.json", address)));

    assertThatThrownBy(() -> json.jsonToPayload(customer,
        new JsonObject().put("name", "Ada").put("home", new JsonObject().put("street", "M"))))
        .isInstanceOf(DataMismatchException.class);
  }

  @Test
  void aRefToAnotherDocumentWithoutAReferenceIsAnInvalidSchema() {
    assertThatThrownBy(() -> json.parse(CUSTOMER, List.of(new ResolvedReference("other.json", ADDRESS))))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("address.json");
    assertThatThrownBy(() -> json.parse(CUSTOMER, List.of(new ResolvedReference("address.json", "{\"type\":5}"))))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("referenced schema 'address.json'");
  }

  @Test
  void compatibilityFollowsTheReferences() {
    String narrower = ADDRESS.replace("\"type\":\"string\"", "\"type\":\"string\",\"maxLength\":3");
    ParsedSchema v1 = json.parse(CUSTOMER, REFS);
    ParsedSchema v2 = json.parse(CUSTOMER, List.of(new ResolvedReference("address.json", narrower)));

    assertThat(json.compatibilityProblems(v1, List.of(v1), CompatibilityLevel.FULL)).isEmpty();
    assertThat(json.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.BACKWARD)).isNotEmpty();
  }

  @Test
  void aReferencedSchemasOwnLocalRefsPointIntoItNotIntoTheReferencingSchema() {
    String address = "{\"type\":\"object\",\"properties\":{\"street\":{\"$ref\":\"#/definitions/street\"}},"
        + "\"definitions\":{\"street\":{\"type\":\"string\"}}}";
    // The referencing schema has a definition under the same pointer, of another type.
    String customer = "{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"address.json\"}},"
        + "\"definitions\":{\"street\":{\"type\":\"integer\"}}}";
    ParsedSchema v1 = json.parse(customer, List.of(new ResolvedReference("address.json", address)));
    ParsedSchema v2 = json.parse(customer, List.of(new ResolvedReference("address.json",
        address.replace("\"type\":\"string\"", "\"type\":\"string\",\"maxLength\":3"))));

    assertThat(json.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.BACKWARD)).isNotEmpty()
        .allMatch(p -> p.contains("maxLength"));
    assertThat(json.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.FORWARD)).isEmpty();
  }
}
