package io.tributary.server;

import static io.tributary.server.SchemaFormatsTestData.AVRO_STRING;
import static io.tributary.server.SchemaFormatsTestData.AVRO_USER;
import static io.tributary.server.SchemaFormatsTestData.JSON_SCHEMA_POINT;
import static io.tributary.server.SchemaFormatsTestData.V2;
import static io.tributary.server.SchemaFormatsTestData.V2_BINARY;
import static io.tributary.server.SchemaFormatsTestData.body;
import static io.tributary.server.SchemaFormatsTestData.point;
import static io.tributary.server.SchemaFormatsTestData.receipts;
import static io.tributary.server.SchemaFormatsTestData.record;
import static io.tributary.server.SchemaFormatsTestData.user;
import static io.tributary.server.SchemaFormatsTestData.v1Produce;
import static io.tributary.server.SchemaFormatsTestData.v2Produce;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema-format requests that must fail, in every generation, with the reference's codes, and without writing
 * anything: each topic is checked with a native consumer after a last good record, which must be the only one.
 */
class SchemaFormatsErrorsE2ETest {
  // Long enough for a record that was wrongly written to show up; the good record ends the wait early otherwise.
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final String BAD_SCHEMA = "{\"type\":\"record\",\"name\":\"Broken\"";

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @Test
  void v1RefusesDataWithoutSchemaBadSchemasAndDataThatDoesNotFitAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("avro-v1-bad"), 1);
    JsonObject ada = user("ada", 36);

    assertError(v1Produce(http, topic, body(List.of(record("k", ada)), "value_schema", AVRO_USER)), 422, 42201);
    assertError(v1Produce(http, topic, body(List.of(record(null, ada)), "key_schema", AVRO_STRING)), 422, 42202);
    assertError(v1Produce(http, topic, body(List.of(record(null, ada)), "value_schema", BAD_SCHEMA)), 422, 42205);
    // The second record's age lacks its union branch: the first, valid, record is not written either.
    Http.Reply mismatch = v1Produce(http, topic, body(List.of(record(null, ada),
        record(null, new JsonObject().put("name", "bob").put("age", 1))), "value_schema", AVRO_USER));
    assertError(mismatch, 422, 42203);
    assertThat(mismatch.json().getString("message")).startsWith("Conversion of JSON to Avro failed");
    // A good key with a bad value: the key's schema may be registered, no record is written.
    assertError(v1Produce(http, topic, body(List.of(record("k", "not a user")), "key_schema", AVRO_STRING,
        "value_schema", AVRO_USER)), 422, 42203);

    assertOnlyTheGoodRecordArrives(topic);
  }

  @Test
  void v2RefusesTheSameWithItsOwnStatusesAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("schemas-v2-bad"), 1);

    assertError(v2Produce(http, topic, "avro", body(List.of(record("k", user("ada", 1))), "value_schema",
        AVRO_USER)), 422, 42201);
    assertError(v2Produce(http, topic, "protobuf", body(List.of(record(null, new JsonObject())))), 422, 42202);
    assertError(v2Produce(http, topic, "protobuf", body(List.of(record(null, new JsonObject())),
        "value_schema", "syntax = \"proto3\"; message {")), 422, 42205);
    // kafka-rest 6.0+: data that does not fit its schema is a 400 "Bad Request: …".
    Http.Reply mismatch = v2Produce(http, topic, "jsonschema", body(List.of(record(null, point(1, 2)),
        record(null, new JsonObject().put("x", "one"))), "value_schema", JSON_SCHEMA_POINT));
    assertError(mismatch, 400, 400);
    assertThat(mismatch.json().getString("message")).startsWith("Bad Request: ");
    assertError(v2Produce(http, topic, "avro", body(List.of(record(null, "x")), "value_schema_id", "many")), 422,
        422);

    assertOnlyTheGoodRecordArrives(topic);
  }

  @Test
  void v3RefusesBadRecordsOneByOneWithFoldedCodes() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("schemas-v3-bad"), 1);
    String records = v3(new JsonObject().put("type", "AVRO").put("schema", AVRO_USER), new JsonObject())
        + v3(new JsonObject().put("type", "AVRO").put("schema", BAD_SCHEMA), "x")
        + v3(new JsonObject().put("schema_id", 987_654_321), "x")
        + v3(new JsonObject().put("type", "AVRO").put("schema", AVRO_USER), null);

    List<JsonObject> receipts = receipts(http.post("/v3/clusters/any/topics/" + topic + "/records")
        .contentType("application/json").body(records).send());

    assertThat(receipts).extracting(r -> r.getInteger("error_code")).containsExactly(400, 422, 422, 400);
    assertThat(receipts.get(0).getString("message")).startsWith("Bad Request: Conversion of JSON to Avro failed");
    assertThat(receipts.get(1).getString("message")).startsWith("Error: 42205 : ");
    assertThat(receipts.get(2).getString("message")).startsWith("Error: 42207 : Error serializing message.");
    assertOnlyTheGoodRecordArrives(topic);
  }

  @Test
  void anUnreachableRegistryIsA503InEveryGenerationAndNothingIsWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("schemas-no-registry"), 1);
    String framed = TestKafka.createTopic(TestKafka.uniqueTopic("schemas-no-registry-read"), 1);
    ConsumerTestData.produce(framed, Rec.of(0, null, "\u0000\u0000\u0000\u0000\u0001\u0002"));
    try (TestServer server = TestServer.start(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort()))) {
      Http dead = server.http();

      Http.Reply v1 = v1Produce(dead, topic, body(List.of(record(null, user("ada", 1))), "value_schema", AVRO_USER));
      assertError(v1, 503, 50303);
      assertThat(v1.json().getString("message")).contains("Schema registry unavailable");
      assertError(v2Produce(dead, topic, "avro", body(List.of(record(null, "x")), "value_schema_id", 1)), 503,
          50303);
      List<JsonObject> v3 = receipts(dead.post("/v3/clusters/any/topics/" + topic + "/records")
          .contentType("application/json").body(v3(new JsonObject(), "x")).send());
      assertThat(v3).extracting(r -> r.getInteger("error_code")).containsExactly(50303);

      // Reading: the records cannot be decoded now, so they stay with the instance.
      V2ConsumerClient v2 = new V2ConsumerClient(dead);
      String group = TestKafka.uniqueTopic("group");
      String name = v2.create(group, quick("avro").put("auto.commit.enable", "false"));
      v2.subscribe(group, name, framed);
      Http.Reply failure = Eventually.first(() -> {
        Http.Reply reply = v2.readReply(group, name, "application/vnd.kafka.avro.v2+json", "");
        return reply.status() != 200 ? reply : null;
      });
      assertThat(failure).isNotNull();
      assertError(failure, 503, 50303);
      assertThat(v2.post(instance(group, name) + "/offsets", null).array()).isEmpty();
      assertThat(TestKafka.committedOffset(group, framed, 0)).isEqualTo(-1);
      v2.delete(group, name);
    }
    assertOnlyTheGoodRecordArrives(topic);
  }

  // ---- helpers

  private static String v3(JsonObject selectors, Object data) {
    return new JsonObject().put("value", selectors.copy().put("data", data)).encode() + "\n";
  }

  /** Writes one good binary record and checks that it is the topic's only record. */
  private static void assertOnlyTheGoodRecordArrives(String topic) {
    Http.Reply good = http.post("/topics/" + topic).contentType(V2_BINARY).accept(V2)
        .body("{\"records\":[{\"value\":\"Z29vZA==\"}]}").send();
    assertThat(good.status()).as("%s", good).isEqualTo(200);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 2, SETTLE);
    assertThat(stored).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("good");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
