package io.tributary.formats.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.wire.ConfluentWireFormat;
import io.tributary.formats.wire.Framed;
import io.tributary.formats.wire.SchemaRef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class JsonSchemaFormatTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String OBJECT_A = """
      {"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}""";

  private final JsonSchemaFormat json = new JsonSchemaFormat();

  @Test
  void architectureVectorInBothDirections() {
    ParsedSchema schema = json.parse(OBJECT_A);
    JsonObject value = new JsonObject("{ \"a\" : 5 }");
    byte[] framed = ConfluentWireFormat.frame(2, json.jsonToPayload(schema, value));
    assertThat(HEX.formatHex(framed)).isEqualTo("00000000027b2261223a357d");

    Framed read = ConfluentWireFormat.unframe(HEX.parseHex("00000000027b2261223a357d"));
    assertThat(read.schema()).isEqualTo(new SchemaRef.Id(2));
    assertThat(json.payloadToJson(schema, read.payload())).isEqualTo(new JsonObject().put("a", 5));
  }

  @Test
  void payloadIsCompactUtf8JsonInTheGivenKeyOrder() {
    ParsedSchema schema = json.parse("{\"type\":\"object\"}");
    JsonObject value = new JsonObject().put("b", 1).put("a", new JsonArray().add("é").add(1.5).add(true).addNull());
    assertThat(new String(json.jsonToPayload(schema, value), StandardCharsets.UTF_8))
        .isEqualTo("{\"b\":1,\"a\":[\"é\",1.5,true,null]}");
    assertThat(HEX.formatHex(json.jsonToPayload(json.parse("{\"type\":\"string\"}"), "é"))).isEqualTo("22c3a922");
    assertThat(json.jsonToPayload(json.parse("true"), null)).asString().isEqualTo("null");
  }

  @Test
  void roundTripsNestedDocuments() {
    ParsedSchema schema = json.parse("""
        {"$schema":"http://json-schema.org/draft-07/schema#","title":"Order","type":"object",
         "definitions":{"line":{"type":"object","properties":{"sku":{"type":"string"},"qty":{"type":"integer","minimum":1}}}},
         "properties":{"lines":{"type":"array","items":{"$ref":"#/definitions/line"}},"note":{"type":["string","null"]}}}""");
    JsonObject value = new JsonObject()
        .put("lines", new JsonArray().add(new JsonObject().put("sku", "a").put("qty", 2)))
        .put("note", null);
    assertThat(json.payloadToJson(schema, json.jsonToPayload(schema, value))).isEqualTo(value);
    assertThatThrownBy(() -> json.jsonToPayload(schema, new JsonObject(
        "{\"lines\":[{\"sku\":\"a\",\"qty\":0}]}"))).isInstanceOf(DataMismatchException.class)
        .hasMessageContaining("#/lines/0/qty");
    assertThat(schema.recordName()).contains("Order");
  }

  @Test
  void dataThatBreaksTheSchemaIsAMismatchNamingTheLocation() {
    ParsedSchema schema = json.parse(OBJECT_A);
    assertThatThrownBy(() -> json.jsonToPayload(schema, new JsonObject("{\"a\":\"x\"}")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("#/a").hasMessageContaining("integer");
    assertThatThrownBy(() -> json.jsonToPayload(schema, new JsonObject()))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("required property \"a\"");
    assertThatThrownBy(() -> json.jsonToPayload(schema, 5)).isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> json.jsonToPayload(schema, null)).isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> json.jsonToPayload(json.parse("false"), "x")).isInstanceOf(DataMismatchException.class);
  }

  @Test
  void readsEachSupportedDraft() {
    ParsedSchema draft4 = json.parse("""
        {"$schema":"http://json-schema.org/draft-04/schema#","type":"number","minimum":0,"exclusiveMinimum":true}""");
    assertThat(((JsonParsedSchema) draft4).draft()).isEqualTo(Draft.DRAFT4);
    assertThatThrownBy(() -> json.jsonToPayload(draft4, 0)).isInstanceOf(DataMismatchException.class);
    assertThat(json.jsonToPayload(draft4, 1)).asString().isEqualTo("1");

    ParsedSchema draft2020 = json.parse("""
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array",
         "prefixItems":[{"type":"string"}],"items":{"type":"integer"}}""");
    assertThat(((JsonParsedSchema) draft2020).draft()).isEqualTo(Draft.DRAFT202012);
    assertThat(json.jsonToPayload(draft2020, new JsonArray("[\"a\",1,2]"))).asString().isEqualTo("[\"a\",1,2]");
    assertThatThrownBy(() -> json.jsonToPayload(draft2020, new JsonArray("[\"a\",\"b\"]")))
        .isInstanceOf(DataMismatchException.class);

    assertThat(json.parse("{\"$schema\":\"http://json-schema.org/draft-06/schema#\"}").draft())
        .isEqualTo(Draft.DRAFT7);
    assertThat(json.parse("{}").draft()).isEqualTo(Draft.DRAFT7);
  }

  @Test
  void invalidSchemasAreRejected() {
    assertThatThrownBy(() -> json.parse("{\"type\":")).isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> json.parse("[1]")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> json.parse("\"string\"")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> json.parse("{\"type\":5}")).isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("#/type");
    assertThatThrownBy(() -> json.parse("{\"properties\":{\"a\":{\"type\":\"intege\"}}}"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("#/properties/a/type");
    assertThatThrownBy(() -> json.parse("{\"$ref\":\"#/definitions/missing\"}"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("#/definitions/missing");
    assertThatThrownBy(() -> json.parse("{\"$schema\":\"http://example.com/my-draft\"}"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("unsupported $schema");
    assertThatThrownBy(() -> json.parse("")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> json.parse(null)).isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void malformedPayloadsAreReported() {
    ParsedSchema schema = json.parse(OBJECT_A);
    assertThatThrownBy(() -> json.payloadToJson(schema, "{\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> json.payloadToJson(schema, new byte[0])).isInstanceOf(MalformedRecordException.class);
    // Consume does not validate, like Confluent's deserializer by default.
    assertThat(json.payloadToJson(schema, "{\"b\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new JsonObject().put("b", 1));
  }

  @Test
  void canonicalFormIsCompactJsonAndTheDocumentStaysUntouched() {
    ParsedSchema schema = json.parse("{ \"type\" : \"object\" ,\n \"title\": \"T\", \"properties\": {\"b\":{}, \"a\":{}} }");
    assertThat(schema.canonical()).isEqualTo("{\"type\":\"object\",\"title\":\"T\",\"properties\":{\"b\":{},\"a\":{}}}");
    json.jsonToPayload(schema, new JsonObject().put("a", 1));
    assertThat(schema.canonical()).isEqualTo(((JsonObject) ((JsonParsedSchema) schema).document()).encode());
    assertThat(schema).isEqualTo(json.parse(schema.canonical()));
    assertThat(json.parse("{}").recordName()).isEmpty();
  }

  @Test
  void isDiscoveredAsTheJsonFormat() {
    assertThat(SchemaFormats.discover().get(SchemaType.JSON)).get().isInstanceOf(JsonSchemaFormat.class);
  }
}
