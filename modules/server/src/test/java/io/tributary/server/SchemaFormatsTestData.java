package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Schemas, data and calls shared by the tests of the schema formats in v1, v2 and v3. */
final class SchemaFormatsTestData {
  static final String V1_AVRO = "application/vnd.kafka.avro.v1+json";
  static final String V1 = "application/vnd.kafka.v1+json";
  static final String V2 = "application/vnd.kafka.v2+json";
  static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";

  /** An Avro record with an optional field: its JSON uses the Avro JSON encoding ({"int": 36}). */
  static final String AVRO_USER = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.tributary.test\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":[\"null\",\"int\"]}]}";
  static final String AVRO_STRING = "\"string\"";
  static final String PROTO_ORDER = "syntax = \"proto3\";\npackage shop;\n"
      + "message Order { string item = 1; int32 count = 2; bool paid = 3; }\n";
  static final String JSON_SCHEMA_POINT = "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"},"
      + "\"y\":{\"type\":\"integer\"}},\"required\":[\"x\",\"y\"]}";
  static final String JSON_SCHEMA_STRING = "{\"type\":\"string\"}";

  private SchemaFormatsTestData() {}

  static JsonObject user(String name, Integer age) {
    return new JsonObject().put("name", name).put("age", age == null ? null : new JsonObject().put("int", age));
  }

  static JsonObject order(String item, int count, boolean paid) {
    return new JsonObject().put("item", item).put("count", count).put("paid", paid);
  }

  static JsonObject point(int x, int y) {
    return new JsonObject().put("x", x).put("y", y);
  }

  /** {@code {"key":…,"value":…}}, leaving out a null key. */
  static JsonObject record(Object key, Object value) {
    JsonObject record = new JsonObject().put("value", value);
    return key == null ? record : record.put("key", key);
  }

  /** A v1/v2 produce body: the schema fields given (name, value pairs) and the records. */
  static String body(List<JsonObject> records, Object... schemaFields) {
    JsonObject body = new JsonObject();
    for (int i = 0; i < schemaFields.length; i += 2) {
      body.put((String) schemaFields[i], schemaFields[i + 1]);
    }
    return body.put("records", new JsonArray(List.copyOf(records))).encode();
  }

  static Http.Reply v1Produce(Http http, String topic, String body) {
    return http.post("/topics/" + topic).contentType(V1_AVRO).accept(V1).body(body).send();
  }

  static Http.Reply v2Produce(Http http, String topic, String format, String body) {
    return http.post("/topics/" + topic).contentType("application/vnd.kafka." + format + ".v2+json").accept(V2)
        .body(body).send();
  }

  /** A produce reply that wrote every record: 200 and no per-record error. */
  static JsonObject written(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject json = reply.json();
    json.getJsonArray("offsets").forEach(o -> assertThat(((JsonObject) o).getValue("error_code")).as("%s", reply)
        .isNull());
    return json;
  }

  /** The Confluent prefix of a stored key or value: magic byte 0 and the 4-byte big-endian schema id. */
  static String prefixHex(byte[] bytes) {
    return HexFormat.of().formatHex(Arrays.copyOfRange(bytes, 0, 5));
  }

  static String framingOf(int schemaId) {
    return "00" + HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(schemaId).array());
  }

  /** The v3 streaming receipts of a reply: one JSON object per line. */
  static List<JsonObject> receipts(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return Arrays.stream(reply.text().split("\r\n")).filter(line -> !line.isBlank()).map(JsonObject::new).toList();
  }
}
