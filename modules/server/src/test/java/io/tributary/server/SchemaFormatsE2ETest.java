package io.tributary.server;

import static io.tributary.server.SchemaFormatsTestData.AVRO_STRING;
import static io.tributary.server.SchemaFormatsTestData.AVRO_USER;
import static io.tributary.server.SchemaFormatsTestData.JSON_SCHEMA_POINT;
import static io.tributary.server.SchemaFormatsTestData.JSON_SCHEMA_STRING;
import static io.tributary.server.SchemaFormatsTestData.PROTO_ORDER;
import static io.tributary.server.SchemaFormatsTestData.V1;
import static io.tributary.server.SchemaFormatsTestData.V1_AVRO;
import static io.tributary.server.SchemaFormatsTestData.body;
import static io.tributary.server.SchemaFormatsTestData.framingOf;
import static io.tributary.server.SchemaFormatsTestData.order;
import static io.tributary.server.SchemaFormatsTestData.point;
import static io.tributary.server.SchemaFormatsTestData.prefixHex;
import static io.tributary.server.SchemaFormatsTestData.receipts;
import static io.tributary.server.SchemaFormatsTestData.record;
import static io.tributary.server.SchemaFormatsTestData.user;
import static io.tributary.server.SchemaFormatsTestData.v1Produce;
import static io.tributary.server.SchemaFormatsTestData.v2Produce;
import static io.tributary.server.SchemaFormatsTestData.written;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema formats wired into every generation, against the embedded registry: what one generation writes, the
 * others read back as the same JSON, and Kafka holds it in Confluent's wire format.
 */
class SchemaFormatsE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final String V1_AVRO_READ = V1_AVRO;
  private static final String V2_AVRO = "application/vnd.kafka.avro.v2+json";

  private static Http http;
  private static V2ConsumerClient v2;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
    v2 = new V2ConsumerClient(http);
  }

  @Test
  void v1AvroRecordsReadBackThroughEveryGenerationAndAreConfluentFramed() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("avro-v1"), 1);
    JsonObject ada = user("ada", 36);
    JsonObject bob = user("bob", null);

    JsonObject reply = written(v1Produce(http, topic, body(List.of(record("k1", ada), record(null, bob)),
        "key_schema", AVRO_STRING, "value_schema", AVRO_USER)));

    int keyId = reply.getInteger("key_schema_id");
    int valueId = reply.getInteger("value_schema_id");
    assertThat(keyId).isNotEqualTo(valueId);
    // Kafka holds Confluent's framing: 00, the id, then Avro binary ("k1" is zigzag length 2, then the bytes).
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 2, READ_TIMEOUT);
    assertThat(stored).hasSize(2);
    assertThat(HexFormat.of().formatHex(stored.get(0).key())).isEqualTo(framingOf(keyId) + "046b31");
    assertThat(prefixHex(stored.get(0).value())).isEqualTo(framingOf(valueId));
    assertThat(stored.get(1).key()).isNull();

    List<JsonObject> expected = List.of(new JsonObject().put("key", "k1").put("value", ada),
        new JsonObject().put("key", null).put("value", bob));
    // v2 consumer instance
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("avro"));
    v2.subscribe(group, name, topic);
    assertThat(keysAndValues(v2.readUntil(group, name, V2_AVRO, "", 2))).isEqualTo(expected);
    v2.delete(group, name);
    // v1 simple read
    Http.Reply simple = http.get("/topics/" + topic + "/partitions/0/messages?offset=0&count=2").accept(V1_AVRO_READ)
        .send();
    assertThat(simple.status()).as("%s", simple).isEqualTo(200);
    assertThat(simple.contentType()).isEqualTo(V1_AVRO_READ);
    assertThat(keysAndValues(objects(simple.array()))).isEqualTo(expected);
    // v1 consumer instance
    String v1Group = TestKafka.uniqueTopic("group");
    String v1Name = v1Create(v1Group, new JsonObject().put("format", "avro").put("auto.offset.reset", "smallest")
        .put("consumer.request.timeout.ms", 300));
    assertThat(keysAndValues(v1ReadUntil(v1Group, v1Name, topic, 2))).isEqualTo(expected);
    assertThat(http.delete(instance(v1Group, v1Name)).send().status()).isEqualTo(204);

    // The ids the response reported name the schemas in later requests, in either generation.
    JsonObject byId = written(v2Produce(http, topic, "avro", body(List.of(record("k2", ada)),
        "key_schema_id", keyId, "value_schema_id", valueId)));
    assertThat(byId.getInteger("key_schema_id")).isEqualTo(keyId);
    assertThat(byId.getInteger("value_schema_id")).isEqualTo(valueId);
    assertThat(prefixHex(TestKafka.readAll(topic, 3, READ_TIMEOUT).get(2).value())).isEqualTo(framingOf(valueId));
  }

  @Test
  void v3AvroRecordsWithARawSchemaAnIdAVersionOrTheLatestReadBackThroughV2AndV1() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("avro-v3"), 1);
    JsonObject ada = user("ada", 36);

    JsonObject first = receipts(v3Stream(topic, v3Value(new JsonObject().put("type", "AVRO")
        .put("schema", AVRO_USER), ada))).get(0);
    assertThat(first.getInteger("error_code")).as("%s", first).isEqualTo(200);
    JsonObject report = first.getJsonObject("value");
    assertThat(report.getString("type")).isEqualTo("AVRO");
    assertThat(report.getString("subject")).isEqualTo(topic + "-value");
    assertThat(report.getInteger("schema_version")).isEqualTo(1);
    int id = report.getInteger("schema_id");

    // Without a type the registry's schema decides the format; one stream, in input order.
    List<JsonObject> more = receipts(v3Stream(topic,
        v3Value(new JsonObject().put("schema_id", id), user("bob", 1))
            + v3Value(new JsonObject(), user("cy", 2))
            + v3Value(new JsonObject().put("schema_version", 1), user("di", null))));
    assertThat(more).hasSize(3).allSatisfy(r -> {
      assertThat(r.getInteger("error_code")).as("%s", r).isEqualTo(200);
      assertThat(r.getJsonObject("value").getInteger("schema_id")).isEqualTo(id);
      assertThat(r.getJsonObject("value").getString("type")).isEqualTo("AVRO");
    });
    assertThat(more).extracting(r -> r.getLong("offset")).containsExactly(1L, 2L, 3L);
    // records:batch takes the same record rules.
    Http.Reply batch = http.post("/v3/clusters/any/topics/" + topic + "/records:batch").contentType("application/json")
        .body(new JsonObject().put("entries", new JsonArray().add(new JsonObject(v3Value(
            new JsonObject().put("schema_id", id), user("ed", 5))).put("id", "e"))).encode()).send();
    assertThat(batch.status()).as("%s", batch).isEqualTo(207);
    assertThat(batch.json().getJsonArray("successes")).hasSize(1);

    List<JsonObject> expected = List.of(ada, user("bob", 1), user("cy", 2), user("di", null), user("ed", 5));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("avro"));
    v2.subscribe(group, name, topic);
    assertThat(v2.readUntil(group, name, V2_AVRO, "", 5)).extracting(r -> r.getJsonObject("value"))
        .containsExactlyElementsOf(expected);
    v2.delete(group, name);
    Http.Reply simple = http.get("/topics/" + topic + "/partitions/0/messages?offset=0&count=5").accept(V1_AVRO_READ)
        .send();
    assertThat(objects(simple.array())).extracting(r -> r.getJsonObject("value")).containsExactlyElementsOf(expected);
    assertThat(TestKafka.readAll(topic, 5, READ_TIMEOUT)).allSatisfy(r -> assertThat(prefixHex(r.value()))
        .isEqualTo(framingOf(id)));
  }

  @Test
  void v2ProtobufRecordsAreWrittenWithTheirMessageIndexAndReadBack() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("proto-v2"), 1);
    JsonObject tea = order("tea", 2, true);

    JsonObject reply = written(v2Produce(http, topic, "protobuf", body(List.of(record(null, tea)),
        "value_schema", PROTO_ORDER)));
    int id = reply.getInteger("value_schema_id");
    assertThat(reply.getValue("key_schema_id")).isNull();
    written(v2Produce(http, topic, "protobuf", body(List.of(record(null, order("cake", 1, false))),
        "value_schema_id", id)));

    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 2, READ_TIMEOUT);
    // 00, the id, then the message-index array [0] as the single byte 00.
    assertThat(HexFormat.of().formatHex(stored.get(0).value(), 0, 6)).isEqualTo(framingOf(id) + "00");
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("protobuf"));
    v2.subscribe(group, name, topic);
    assertThat(v2.readUntil(group, name, "application/vnd.kafka.protobuf.v2+json", "", 2))
        .extracting(r -> r.getJsonObject("value")).containsExactly(tea, order("cake", 1, false));
    v2.delete(group, name);
  }

  @Test
  void v2JsonSchemaKeysAndValuesAreWrittenAsTheirJsonTextAndReadBack() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("jsonschema-v2"), 1);

    JsonObject reply = written(v2Produce(http, topic, "jsonschema", body(List.of(record("p", point(1, 2))),
        "key_schema", JSON_SCHEMA_STRING, "value_schema", JSON_SCHEMA_POINT)));

    byte[] value = TestKafka.readAll(topic, 1, READ_TIMEOUT).get(0).value();
    assertThat(prefixHex(value)).isEqualTo(framingOf(reply.getInteger("value_schema_id")));
    assertThat(new String(value, 5, value.length - 5, StandardCharsets.UTF_8)).isEqualTo("{\"x\":1,\"y\":2}");
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("jsonschema"));
    v2.subscribe(group, name, topic);
    JsonObject read = v2.readUntil(group, name, "application/vnd.kafka.jsonschema.v2+json", "", 1).get(0);
    assertThat(read.getString("key")).isEqualTo("p");
    assertThat(read.getJsonObject("value")).isEqualTo(point(1, 2));
    v2.delete(group, name);
  }

  @Test
  void recordsThatDoNotDecodeGoBackToTheInstanceAndAreNotLost() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("avro-garbage"), 1);
    ConsumerTestData.produce(topic, Rec.of(0, null, "not confluent framing"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("avro").put("auto.commit.enable", "false"));
    v2.subscribe(group, name, topic);

    Http.Reply failure = Eventually.first(() -> {
      Http.Reply reply = v2.readReply(group, name, V2_AVRO, "");
      return reply.status() != 200 ? reply : null;
    });
    assertThat(failure).isNotNull();
    assertError(failure, 500, 50002);
    assertThat(failure.json().getString("message")).startsWith("Error deserializing value");
    // The record went back to the instance: the next read meets it again, and nothing counts as consumed.
    assertError(v2.readReply(group, name, V2_AVRO, ""), 500, 50002);
    assertThat(v2.post(instance(group, name) + "/offsets", null).array()).isEmpty();
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(-1);
    v2.delete(group, name);
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=0").accept(V1_AVRO_READ).send(), 500,
        50002);
  }

  // ---- helpers

  private static String v3Value(JsonObject selectors, Object data) {
    return new JsonObject().put("value", selectors.copy().put("data", data)).encode() + "\n";
  }

  private static Http.Reply v3Stream(String topic, String records) {
    return http.post("/v3/clusters/any/topics/" + topic + "/records").contentType("application/json").body(records)
        .send();
  }

  private static List<JsonObject> keysAndValues(List<JsonObject> records) {
    return records.stream().map(r -> new JsonObject().put("key", r.getValue("key")).put("value", r.getValue("value")))
        .toList();
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  private static String v1Create(String group, JsonObject body) {
    Http.Reply reply = http.post("/consumers/" + group).contentType(V1).body(body.encode()).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getString("instance_id");
  }

  private static List<JsonObject> v1ReadUntil(String group, String name, String topic, int expected) {
    List<JsonObject> all = Eventually.collect(() -> {
      Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic).accept(V1_AVRO_READ).send();
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return objects(reply.array());
    }, expected);
    assertThat(all).hasSize(expected);
    return all;
  }
}
