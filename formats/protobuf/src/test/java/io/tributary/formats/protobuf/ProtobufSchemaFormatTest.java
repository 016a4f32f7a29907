package io.tributary.formats.protobuf;

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
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufSchemaFormatTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String THREE = """
      syntax = "proto3";
      package acme;
      message A { string s = 1; }
      message B {
        int32 n = 1;
        map<string, int32> counts = 2;
        message C { bool b = 1; }
        message D { C c = 1; }
      }
      """;

  private final ProtobufSchemaFormat proto = new ProtobufSchemaFormat();

  @Test
  void theFirstMessageIsWrittenWithTheSingleZeroIndexByte() {
    ParsedSchema schema = proto.parse(THREE);
    JsonObject value = new JsonObject().put("s", "hi");
    byte[] framed = ConfluentWireFormat.frame(3, proto.jsonToPayload(schema, value));
    assertThat(HEX.formatHex(framed)).isEqualTo("0000000003" + "00" + "0a026869");

    Framed read = ConfluentWireFormat.unframe(framed);
    assertThat(read.schema()).isEqualTo(new SchemaRef.Id(3));
    assertThat(proto.payloadToJson(schema, read.payload())).isEqualTo(value);
  }

  @Test
  void otherMessagesAreSelectedByPathAndWrittenWithTheirIndexes() {
    ProtobufParsedSchema schema = proto.parse(THREE);
    ProtobufParsedSchema b = schema.withMessagePath(List.of(1));
    assertThat(HEX.formatHex(proto.jsonToPayload(b, new JsonObject().put("n", 1)))).isEqualTo("0202" + "0801");
    // The map field's synthetic entry message does not count: C stays [1,0] and D is [1,1].
    ProtobufParsedSchema c = schema.withMessagePath(List.of(1, 0));
    assertThat(c.recordName()).contains("acme.B.C");
    assertThat(HEX.formatHex(proto.jsonToPayload(c, new JsonObject().put("b", true)))).isEqualTo("040200" + "0801");
    ProtobufParsedSchema d = schema.withMessage("B.D");
    assertThat(d.messagePath()).containsExactly(1, 1);
    assertThat(HEX.formatHex(proto.jsonToPayload(d, new JsonObject("{\"c\":{\"b\":true}}"))))
        .isEqualTo("040202" + "0a020801");

    // Reading takes the message from the payload's indexes, whatever the schema's selection.
    assertThat(proto.payloadToJson(schema, HEX.parseHex("0202" + "0801")))
        .isEqualTo(new JsonObject().put("n", 1).put("counts", new JsonObject()));
    assertThat(proto.payloadToJson(schema, HEX.parseHex("040200" + "0801"))).isEqualTo(new JsonObject().put("b", true));
    assertThat(schema.withMessage("acme.B").messagePath()).containsExactly(1);
    assertThatThrownBy(() -> schema.withMessagePath(List.of(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.withMessage("Nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsRecordsWhoseSchemaIdAndIndexesCameInAHeader() {
    ParsedSchema schema = proto.parse(THREE);
    Framed framed = ConfluentWireFormat.read(HEX.parseHex("0801"), HEX.parseHex("0000000003" + "0202"));
    assertThat(framed.schema()).isEqualTo(new SchemaRef.Id(3));
    assertThat(proto.payloadToJson(schema, framed.payload()))
        .isEqualTo(new JsonObject().put("n", 1).put("counts", new JsonObject()));
  }

  @Test
  void roundTripsTheProto3JsonMapping() {
    ParsedSchema schema = proto.parse("""
        syntax = "proto3";
        package shop.v1;
        import "google/protobuf/timestamp.proto";
        message Order {
          int64 id = 1;
          repeated Line lines = 2;
          map<string, string> tags = 3;
          State state = 4;
          oneof payment { string card = 5; bool cash = 6; }
          optional int32 priority = 7;
          bytes blob = 8;
          google.protobuf.Timestamp placed_at = 9;
          double total = 10 [json_name = "sum"];
          message Line { string sku = 1; uint32 qty = 2; }
          enum State { NEW = 0; PAID = 1; }
        }
        """);
    JsonObject value = new JsonObject()
        .put("id", "9007199254740993")
        .put("lines", new JsonArray().add(new JsonObject().put("sku", "a-1").put("qty", 2)))
        .put("tags", new JsonObject().put("k", "v"))
        .put("state", "PAID")
        .put("cash", true)
        .put("priority", 0)
        .put("blob", "AAE=")
        .put("placedAt", "2024-01-02T03:04:05Z")
        .put("sum", 1.5);
    assertThat(proto.payloadToJson(schema, proto.jsonToPayload(schema, value))).isEqualTo(value);

    // Input may use the original field names and numbers for int64; output always prints defaults of fields
    // without presence, int64 as strings and lowerCamelCase names, like kafka-rest.
    JsonObject sparse = new JsonObject().put("id", 7).put("placed_at", "2024-01-02T03:04:05Z");
    assertThat(proto.payloadToJson(schema, proto.jsonToPayload(schema, sparse))).isEqualTo(new JsonObject()
        .put("id", "7").put("lines", new JsonArray()).put("tags", new JsonObject()).put("state", "NEW")
        .put("blob", "").put("placedAt", "2024-01-02T03:04:05Z").put("sum", 0.0));
  }

  @Test
  void proto2SchemasWithRequiredFieldsAndDefaults() {
    ParsedSchema schema = proto.parse("""
        package legacy;
        message Event { required string name = 1; optional int32 level = 2 [default = 3]; }
        """);
    byte[] payload = proto.jsonToPayload(schema, new JsonObject().put("name", "x"));
    assertThat(HEX.formatHex(payload)).isEqualTo("00" + "0a0178");
    assertThat(proto.payloadToJson(schema, payload)).isEqualTo(new JsonObject().put("name", "x"));
    assertThatThrownBy(() -> proto.jsonToPayload(schema, new JsonObject().put("level", 1)))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("name");
  }

  @Test
  void dataThatDoesNotFitIsAMismatch() {
    ParsedSchema schema = proto.parse(THREE);
    assertThatThrownBy(() -> proto.jsonToPayload(schema, new JsonObject().put("t", "x")))
        .isInstanceOf(DataMismatchException.class).hasMessageContaining("t");
    ProtobufParsedSchema b = ((ProtobufParsedSchema) schema).withMessagePath(List.of(1));
    assertThatThrownBy(() -> proto.jsonToPayload(b, new JsonObject().put("n", "many")))
        .isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> proto.jsonToPayload(b, new JsonObject().put("n", 1L << 40)))
        .isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> proto.jsonToPayload(schema, "hi")).isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> proto.jsonToPayload(schema, null)).isInstanceOf(DataMismatchException.class);
    assertThatThrownBy(() -> proto.jsonToPayload(schema, new JsonArray())).isInstanceOf(DataMismatchException.class);
  }

  @Test
  void invalidSchemasAreRejected() {
    assertThatThrownBy(() -> proto.parse("message {")).isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("1:9");
    assertThatThrownBy(() -> proto.parse("syntax = \"proto3\"; message A { Missing m = 1; }"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("Missing");
    assertThatThrownBy(() -> proto.parse("syntax = \"proto3\"; message A { int32 a = 1; int32 b = 1; }"))
        .isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> proto.parse("syntax = \"proto3\"; import \"other.proto\"; message A { }"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("other.proto");
    assertThatThrownBy(() -> proto.parse("syntax = \"proto3\"; enum E { X = 0; }"))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("no message");
    assertThatThrownBy(() -> proto.parse("")).isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> proto.parse("{\"type\":\"record\"}")).isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void malformedPayloadsAreReported() {
    ParsedSchema schema = proto.parse(THREE);
    assertThatThrownBy(() -> proto.payloadToJson(schema, new byte[0])).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> proto.payloadToJson(schema, HEX.parseHex("0a026869")))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> proto.payloadToJson(schema, HEX.parseHex("0208" + "0801")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("[4]");
    assertThatThrownBy(() -> proto.payloadToJson(schema, HEX.parseHex("00" + "0a0568")))
        .isInstanceOf(MalformedRecordException.class);
  }

  @Test
  void canonicalFormIsWiresRenderingWithoutItsBanner() {
    ParsedSchema schema = proto.parse("syntax=\"proto3\";package p;message A{string s=1;}");
    assertThat(schema.canonical()).isEqualTo("""
        syntax = "proto3";

        package p;

        message A {
          string s = 1;
        }
        """);
    assertThat(proto.parse(schema.canonical())).isEqualTo(schema);
    assertThat(schema.recordName()).contains("p.A");
  }

  @Test
  void isDiscoveredAsTheProtobufFormat() {
    assertThat(SchemaFormats.discover().get(SchemaType.PROTOBUF)).get().isInstanceOf(ProtobufSchemaFormat.class);
  }
}
