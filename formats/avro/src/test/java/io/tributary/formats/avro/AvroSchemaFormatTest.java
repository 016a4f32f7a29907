package io.tributary.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.format.JsonText;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.wire.ConfluentWireFormat;
import io.tributary.formats.wire.Framed;
import io.tributary.formats.wire.SchemaRef;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroSchemaFormatTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String R = """
      {"type":"record","name":"R","fields":[{"name":"f","type":"string"},{"name":"n","type":["null","int"]}]}""";

  private final AvroSchemaFormat avro = new AvroSchemaFormat();

  @Test
  void architectureVectorInBothDirections() {
    ParsedSchema schema = avro.parse(R);
    // REST JSON uses the Avro JSON encoding: the union value names its branch.
    JsonObject value = new JsonObject("{\"f\":\"hi\",\"n\":{\"int\":1}}");

    byte[] framed = ConfluentWireFormat.frame(1, avro.jsonToPayload(schema, value));
    assertThat(HEX.formatHex(framed)).isEqualTo("00000000010468690202");

    Framed read = ConfluentWireFormat.unframe(HEX.parseHex("00000000010468690202"));
    assertThat(read.schema()).isEqualTo(new SchemaRef.Id(1));
    assertThat(avro.payloadToJson(schema, read.payload())).isEqualTo(value);
  }

  @Test
  void aNullUnionValueIsABareNull() {
    ParsedSchema schema = avro.parse(R);
    JsonObject value = new JsonObject("{\"f\":\"hi\",\"n\":null}");
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, value))).isEqualTo("04686900");
    assertThat(avro.payloadToJson(schema, HEX.parseHex("04686900"))).isEqualTo(value);
  }

  @Test
  void oneParsedSchemaConvertsRecordAfterRecordAlsoAfterARefusedOne() {
    // The schema's JSON decoder and binary writer are reused from record to record; a record that failed half-way
    // (here inside the second field) must not leave anything behind for the next.
    ParsedSchema schema = avro.parse(R);
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, new JsonObject("{\"f\":\"hi\",\"n\":{\"int\":1}}"))))
        .isEqualTo("0468690202");
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"f\":\"hi\",\"n\":{\"int\":\"x\"}}")))
        .isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"f\":\"abc\"}")))
        .isInstanceOf(DataMismatchException.class);
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, new JsonObject("{\"n\":null,\"f\":\"hi\"}"))))
        .isEqualTo("04686900");
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, new JsonObject("{\"f\":\"\",\"n\":{\"int\":-1}}"))))
        .isEqualTo("000201");
  }

  @Test
  void aValueGivenAsItsJsonTextEncodesAsTheValueDoes() {
    ParsedSchema schema = avro.parse(R);
    JsonObject value = new JsonObject("{\"f\":\"caf\u00e9\",\"n\":{\"int\":-7}}");
    byte[] text = value.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(avro.jsonTextToPayload(schema, new JsonText(text))).isEqualTo(avro.jsonToPayload(schema, value));
    assertThatThrownBy(() -> avro.jsonTextToPayload(schema, new JsonText("{\"f\":1}".getBytes())))
        .isInstanceOf(DataMismatchException.class)
        .hasMessage(catchMessage(() -> avro.jsonToPayload(schema, new JsonObject("{\"f\":1}"))));
  }

  @Test
  void aRequestsValuesReadThroughOneDecoderEncodeAsEachOnItsOwn() {
    ParsedSchema record = avro.parse("""
        {"type":"record","name":"D","fields":[{"name":"f","type":"string"},
          {"name":"d","type":"int","default":5},{"name":"a","type":{"type":"array","items":"long"}}]}""");
    List<String> records = List.of("{\"f\":\"x\",\"d\":1,\"a\":[1,2]}", " {\"a\":[],\"d\":0,\"f\":\"y\"}\n",
        "{\"f\":\"\\u00e9\",\"a\":[3],\"d\":-2}");
    ParsedSchema number = avro.parse("\"int\"");
    List<String> numbers = List.of("1", "23", "-4");

    assertThat(avro.jsonTextsToPayloads(record, texts(records)))
        .containsExactlyElementsOf(records.stream().map(r -> avro.jsonTextToPayload(record, text(r))).toList());
    assertThat(avro.jsonTextsToPayloads(number, texts(numbers)))
        .containsExactlyElementsOf(numbers.stream().map(n -> avro.jsonTextToPayload(number, text(n))).toList());
  }

  @Test
  void whenOneOfARequestsValuesDoesNotFitTheFailureIsThatValuesOwn() {
    ParsedSchema schema = avro.parse(R);
    List<String> values = List.of("{\"f\":\"a\",\"n\":null}", "{\"f\":\"b\",\"n\":{\"int\":\"x\"}}",
        "{\"f\":2}");

    assertThatThrownBy(() -> avro.jsonTextsToPayloads(schema, texts(values)))
        .isInstanceOf(DataMismatchException.class)
        .hasMessage(catchMessage(() -> avro.jsonTextToPayload(schema, text(values.get(1)))));
    assertThat(avro.jsonTextsToPayloads(schema, texts(values.subList(0, 1))))
        .containsExactly(avro.jsonTextToPayload(schema, text(values.get(0))));
  }

  private static JsonText text(String json) {
    return new JsonText(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static List<JsonText> texts(List<String> jsons) {
    return jsons.stream().map(AvroSchemaFormatTest::text).toList();
  }

  private static String catchMessage(Runnable run) {
    try {
      run.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("no failure");
  }

  @Test
  void aPlainValueForAUnionIsRejectedAsAvroDoes() {
    ParsedSchema schema = avro.parse(R);
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"f\":\"hi\",\"n\":1}")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("start-union");
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"string\"`| `\"hi\"`| 046869",
      "`\"int\"`| `-1`| 01",
      "`\"long\"`| `1099511627776`| 808080808040",
      "`\"boolean\"`| `true`| 01",
      "`\"null\"`| `null`| ``",
      "`\"double\"`| `1.5`| 000000000000f83f",
      "`\"float\"`| `1.5`| 0000c03f",
      // Plain bytes: raw, without Avro's length prefix (Confluent serializer quirk); ISO-8859-1 characters in JSON.
      "`\"bytes\"`| `\"\\u0000\\u00ffA\"`| 00ff41",
      "`{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}`| `\"\\u0001\\u00e9\"`| 01e9",
      "`{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}`| `\"B\"`| 02",
      "`{\"type\":\"array\",\"items\":\"int\"}`| `[1,2]`| 04020400",
      "`{\"type\":\"map\",\"values\":\"int\"}`| `{\"a\":1}`| 0202610200",
      "`{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}`| `1700000000000`| 80a0abfef962",
      "`{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}`| `\"\\u0004\\u00d2\"`| 04d2",
      "`{\"type\":\"string\",\"logicalType\":\"uuid\"}`| `\"6f1c\"`| 0836663163",
      "`[\"null\",\"string\"]`| `{\"string\":\"x\"}`| 020278",
      "`{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"b\",\"type\":\"bytes\"}]}`| `{\"b\":\"\\u00ffA\"}`| 04ff41"})
  void encodesEveryKindOfSchemaInBothDirections(String schemaText, String json, String hex) {
    ParsedSchema schema = avro.parse(schemaText);
    Object value = Json.decodeValue(json);
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, value))).isEqualTo(hex);
    assertThat(avro.payloadToJson(schema, HEX.parseHex(hex))).isEqualTo(value);
  }

  @Test
  void namedTypesInUnionsUseTheirFullName() {
    ParsedSchema schema = avro.parse("""
        ["null",{"type":"record","name":"Inner","namespace":"com.acme","fields":[{"name":"x","type":"int"}]}]""");
    JsonObject value = new JsonObject("{\"com.acme.Inner\":{\"x\":3}}");
    byte[] payload = avro.jsonToPayload(schema, value);
    assertThat(HEX.formatHex(payload)).isEqualTo("0206");
    assertThat(avro.payloadToJson(schema, payload)).isEqualTo(value);
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"Inner\":{\"x\":3}}")))
        .isInstanceOf(DataMismatchException.class);
  }

  @Test
  void roundTripsANestedRecord() {
    ParsedSchema schema = avro.parse("""
        {"type":"record","name":"Order","namespace":"shop","fields":[
          {"name":"id","type":"long"},
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
            {"name":"sku","type":"string"},{"name":"qty","type":"int"}]}}},
          {"name":"tags","type":{"type":"map","values":"string"}},
          {"name":"state","type":{"type":"enum","name":"State","symbols":["NEW","PAID"]}},
          {"name":"note","type":["null","string"],"default":null}]}""");
    JsonObject value = new JsonObject()
        .put("id", 42)
        .put("lines", new JsonArray().add(new JsonObject().put("sku", "a-1").put("qty", 2)))
        .put("tags", new JsonObject().put("k", "v"))
        .put("state", "PAID")
        .put("note", new JsonObject().put("string", "ring twice"));
    assertThat(avro.payloadToJson(schema, avro.jsonToPayload(schema, value))).isEqualTo(value);
    assertThat(schema.recordName()).contains("shop.Order");
  }

  @Test
  void unknownFieldsAreIgnoredButMissingFieldsAreRejectedEvenWithDefaults() {
    // Avro's JSON decoder (and so kafka-rest) does not fill in defaults; it skips fields the schema does not know.
    ParsedSchema schema = avro.parse("""
        {"type":"record","name":"D","fields":[{"name":"a","type":"int"},{"name":"b","type":"string","default":"z"}]}""");
    assertThat(HEX.formatHex(avro.jsonToPayload(schema, new JsonObject("{\"a\":1,\"extra\":[true],\"b\":\"y\"}"))))
        .isEqualTo("020279");
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"a\":1}")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("Expected string");
  }

  @Test
  void dataThatDoesNotFitTheSchemaIsAMismatch() {
    ParsedSchema schema = avro.parse(R);
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"f\":1,\"n\":null}")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("string");
    assertThatThrownBy(() -> avro.jsonToPayload(schema, new JsonObject("{\"n\":null}")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("f");
    assertThatThrownBy(() -> avro.jsonToPayload(schema, "hi")).isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> avro.jsonToPayload(schema, null)).isInstanceOf(DataMismatchException.class);
    ParsedSchema e = avro.parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}");
    assertThatThrownBy(() -> avro.jsonToPayload(e, "B")).isInstanceOf(DataMismatchException.class);
    ParsedSchema i = avro.parse("\"int\"");
    assertThatThrownBy(() -> avro.jsonToPayload(i, 1L << 40)).isInstanceOf(DataMismatchException.class);
  }

  @Test
  void invalidSchemasAreRejected() {
    // Messages reach clients: no Java class names or parser source locations in them.
    assertThatThrownBy(() -> avro.parse("{\"type\":\"record\",\"name\":\"R\""))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageStartingWith("Invalid Avro schema: Unexpected end-of-input")
        .hasMessageNotContaining("Exception").hasMessageNotContaining("Source");
    assertThatThrownBy(() -> avro.parse("\"strin\"")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> avro.parse("{\"type\":\"record\",\"name\":\"1R\",\"fields\":[]}"))
        .isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> avro.parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"))
        .isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> avro.parse("")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> avro.parse("not json")).isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void malformedPayloadsAreReportedNotThrownAsBugs() {
    ParsedSchema schema = avro.parse(R);
    assertThatThrownBy(() -> avro.payloadToJson(schema, HEX.parseHex("046869")))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> avro.payloadToJson(schema, HEX.parseHex("0468690402")))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> avro.payloadToJson(schema, HEX.parseHex("03")))
        .isInstanceOf(MalformedRecordException.class);
    // A string claiming a gigabyte of data must fail without allocating it.
    assertThatThrownBy(() -> avro.payloadToJson(schema, HEX.parseHex("80808080080102")))
        .isInstanceOf(MalformedRecordException.class);
    ParsedSchema array = avro.parse("{\"type\":\"array\",\"items\":\"long\"}");
    assertThatThrownBy(() -> avro.payloadToJson(array, HEX.parseHex("8080808008")))
        .isInstanceOf(MalformedRecordException.class);
  }

  @Test
  void canonicalFormIsCompactSchemaJson() {
    ParsedSchema schema = avro.parse("{ \"type\" : \"record\", \"name\" : \"R\", \"doc\": \"kept\", \"fields\" : [ ] }");
    assertThat(schema.canonical()).isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"doc\":\"kept\",\"fields\":[]}");
    assertThat(avro.parse("\"string\"").canonical()).isEqualTo("\"string\"");
    assertThat(avro.parse("\"string\"").recordName()).isEmpty();
    assertThat(schema).isEqualTo(avro.parse(schema.canonical()));
  }

  @Test
  void isDiscoveredAsTheAvroFormat() {
    assertThat(SchemaFormats.discover().get(SchemaType.AVRO)).get().isInstanceOf(AvroSchemaFormat.class);
  }
}
