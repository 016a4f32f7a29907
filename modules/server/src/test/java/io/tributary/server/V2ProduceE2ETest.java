package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v2 produce (reference §3.3) over HTTP against the real broker: what v2 clients send, and what lands in Kafka. */
class V2ProduceE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v2+json";
  private static final String JSON = "application/vnd.kafka.json.v2+json";
  private static final String V2 = "application/vnd.kafka.v2+json";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @Test
  void binaryKeysAndValuesArriveByteForByteInTheNamedPartitions() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-binary"), 3);
    byte[] key0 = {0, (byte) 0xff, 0x10, (byte) 0x80};
    byte[] value0 = {(byte) 0xc3, 0x28, 0, 0, 0x7f};
    byte[] value1 = "second".getBytes(StandardCharsets.UTF_8);
    byte[] key2 = {(byte) 0xfe};
    JsonArray records = new JsonArray()
        .add(new JsonObject().put("key", b64(key0)).put("value", b64(value0)).put("partition", 2))
        .add(new JsonObject().put("value", b64(value1)).put("partition", 1))
        .add(new JsonObject().put("key", b64(key2)).put("value", null).put("partition", 2));

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY)
        .body(new JsonObject().put("records", records).encode()).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("offsets", "key_schema_id", "value_schema_id");
    assertThat(body.getValue("key_schema_id")).isNull();
    assertThat(body.getValue("value_schema_id")).isNull();
    JsonArray offsets = body.getJsonArray("offsets");
    assertThat(offsets.getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("partition", "offset", "error_code", "error");
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getInteger("partition"))).containsExactly(2, 1, 2);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getLong("offset"))).containsExactly(0L, 0L, 1L);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getValue("error_code"))).containsOnlyNulls();
    Map<String, ConsumerRecord<byte[], byte[]>> stored = byPosition(TestKafka.readAll(topic, 3, READ_TIMEOUT));
    assertThat(stored).hasSize(3);
    assertThat(stored.get("2/0").key()).isEqualTo(key0);
    assertThat(stored.get("2/0").value()).isEqualTo(value0);
    assertThat(stored.get("1/0").key()).isNull();
    assertThat(stored.get("1/0").value()).isEqualTo(value1);
    assertThat(stored.get("2/1").key()).isEqualTo(key2);
    assertThat(stored.get("2/1").value()).isNull();
  }

  @Test
  void recordsWithTheSameKeyLandInTheSamePartitionAsKafkasPartitionerWouldPutThem() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-keyed"), 4);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"key\":\"a2V5\",\"value\":\"MQ==\"},{\"key\":\"a2V5\",\"value\":\"Mg==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonArray offsets = reply.json().getJsonArray("offsets");
    assertThat(offsets.getJsonObject(0).getInteger("partition"))
        .isEqualTo(offsets.getJsonObject(1).getInteger("partition"));
    assertThat(TestKafka.readAll(topic, 2, READ_TIMEOUT)).extracting(r -> utf8(r.key()))
        .containsExactly("key", "key");
  }

  @Test
  void jsonRecordsAreStoredAsCompactJsonText() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-json"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(JSON)
        .body("{\"records\":[{\"key\":{ \"id\" : 7 },\"value\":{ \"a\" : [1, \"x\", null], \"b\" : true }},"
            + "{\"value\":\"plain\"},{\"value\":12.5},{\"key\":\"k\",\"value\":null}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 4, READ_TIMEOUT);
    assertThat(stored).extracting(r -> r.value() == null ? null : utf8(r.value()))
        .containsExactly("{\"a\":[1,\"x\",null],\"b\":true}", "\"plain\"", "12.5", null);
    assertThat(utf8(stored.get(0).key())).isEqualTo("{\"id\":7}");
    assertThat(stored.get(1).key()).isNull();
    assertThat(utf8(stored.get(3).key())).isEqualTo("\"k\"");
  }

  @Test
  void thePartitionEndpointWritesToThePathPartitionUnlessARecordNamesItsOwn() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-partition"), 3);

    Http.Reply reply = http.post("/topics/" + topic + "/partitions/1").contentType(BINARY)
        .body("{\"records\":[{\"key\":\"AQ==\",\"value\":\"Ag==\"},{\"value\":\"Aw==\",\"partition\":2},"
            + "{\"value\":\"BA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonArray offsets = reply.json().getJsonArray("offsets");
    // The reply reports where each record landed: the override included.
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getInteger("partition"))).containsExactly(1, 2, 1);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getLong("offset"))).containsExactly(0L, 0L, 1L);
    Map<String, ConsumerRecord<byte[], byte[]>> stored = byPosition(TestKafka.readAll(topic, 3, READ_TIMEOUT));
    assertThat(stored.get("1/0").key()).containsExactly(1);
    assertThat(stored.get("1/0").value()).containsExactly(2);
    assertThat(stored.get("2/0").value()).containsExactly(3);
    assertThat(stored.get("1/1").value()).containsExactly(4);
  }

  @Test
  void aTopicThatDoesNotExistYetIsCreatedOnFirstUse() {
    String topic = TestKafka.uniqueTopic("v2-new");

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY).body("{\"records\":[{\"value\":\"aGk=\"}]}")
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(utf8(r.value())).isEqualTo("hi"));
  }

  @Test
  void invalidBase64RejectsTheWholeRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-bad-base64"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"},{\"key\":\"not base64!\",\"value\":\"AA==\"}]}").send();

    assertError(reply, 400, 400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("message"))
        .isEqualTo("Bad Request: data=\"not base64!\" is not a valid base64 string.");
    assertNothingWasWritten(topic);
  }

  @Test
  void dataThatIsNotAStringIsNotBase64() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-not-string"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"},{\"value\":42}]}").send();

    assertError(reply, 400, 400);
    assertThat(reply.json().getString("message")).isEqualTo("Bad Request: data=42 is not a base64 string.");
    assertNothingWasWritten(topic);
  }

  @Test
  void malformedJsonIsABadRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-malformed"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(JSON)
        .body("{\"records\":[{\"value\":{\"a\":1}},{\"value\":").send();

    assertError(reply, 400, 400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertNothingWasWritten(topic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"records\":[]}", "{}", "{\"records\":null}"})
  void recordsMayNotBeEmpty(String body) {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-empty")).contentType(BINARY).body(body)
        .send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("records may not be empty");
  }

  @Test
  void anEmptyBodyIsUnprocessable() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-no-body")).contentType(BINARY).send();

    assertError(reply, 422, 422);
  }

  @Test
  void anUnknownFieldIsRefused() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-unknown")).contentType(JSON)
        .body("{\"records\":[{\"valeu\":1}]}").send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("Unrecognized field: valeu");
  }

  @Test
  void aPartitionThatDoesNotExistRejectsTheWholeRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-no-partition"), 1);

    Http.Reply viaRecord = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\",\"partition\":0},{\"value\":\"AQ==\",\"partition\":1}]}").send();
    Http.Reply viaPath = http.post("/topics/" + topic + "/partitions/3").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();
    Http.Reply viaOverride = http.post("/topics/" + topic + "/partitions/0").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"},{\"value\":\"AA==\",\"partition\":5}]}").send();
    Http.Reply notANumber = http.post("/topics/" + topic + "/partitions/first").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    for (Http.Reply reply : List.of(viaRecord, viaPath, viaOverride, notANumber)) {
      assertError(reply, 404, 40402);
      assertThat(reply.json().getString("message")).isEqualTo("Partition not found.");
    }
    assertNothingWasWritten(topic);
  }

  @Test
  void aTopicNameKafkaRefusesIsABadRequest() {
    Http.Reply reply = http.post("/topics/not%20valid").contentType(BINARY).body("{\"records\":[{\"value\":\"AA==\"}]}")
        .send();

    assertError(reply, 400, 40002);
  }

  @Test
  void aContentTypeNoGenerationTakesIsUnsupported() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-text")).contentType("text/plain")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertError(reply, 415, 415);
  }

  @Test
  void anUnacceptableAcceptGets406WithoutBody() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-406")).contentType(BINARY)
        .accept("text/plain").body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.bytes()).isEmpty();
    assertThat(reply.contentType()).isNull();
  }

  @Test
  void aV1AcceptOnAV2BodyIsNotAcceptable() {
    // v1 does not take the body (415), v2 takes it but cannot answer in v1's type (406): as in JAX-RS, a method
    // that consumes the body exists, so the answer is 406.
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-v1-accept")).contentType(BINARY)
        .accept("application/vnd.kafka.v1+json").body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.bytes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/vnd.kafka+json", "*/*",
      "application/vnd.kafka.v2+json; q=0.9, application/json; q=0.5"})
  void theResponseTypeIsNegotiatedFromAccept(String accept) {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-accept"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY).accept(accept)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String expected = accept.equals("*/*") || accept.startsWith(V2) ? V2 : accept;
    assertThat(reply.contentType()).isEqualTo(expected);
  }

  @Test
  void aBareV2ContentTypeMeansBinary() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-bare"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(V2).body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}")
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(utf8(r.value())).isEqualTo("hello"));
  }

  @Test
  void aRecordKafkaRefusesGetsItsOwnErrorCodeAndTheRequestStillAnswers200() throws Exception {
    // A compacted topic refuses records without a key: the client's mistake, per record 40002 with Kafka's reason
    // (kafka-rest reported 50002; issue 9: a record Kafka refuses is never a 5xx).
    String topic = TestKafka.uniqueTopic("v2-compacted");
    TestKafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
        .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY).body("{\"records\":[{\"value\":\"AA==\"}]}")
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject offset = reply.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("error_code")).isEqualTo(40002);
    assertThat(offset.getString("error")).isNotBlank();
    assertThat(offset.getValue("partition")).isNull();
    assertThat(offset.getValue("offset")).isNull();
    // The shared producer is not poisoned by the refusal: a keyed record goes through.
    Http.Reply keyed = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"key\":\"aw==\",\"value\":\"AA==\"}]}").send();
    assertThat(keyed.json().getJsonArray("offsets").getJsonObject(0).getValue("error_code")).as("%s", keyed)
        .isNull();
  }

  /**
   * Produces one record through the proxy and checks that it is the topic's first: the proxy's one producer sends
   * in order, so anything an earlier, rejected request had written would come before it.
   */
  private static void assertNothingWasWritten(String topic) {
    Http.Reply marker = http.post("/topics/" + topic + "/partitions/0").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"bWFya2Vy\"}]}").send();
    assertThat(marker.status()).as("%s", marker).isEqualTo(200);
    assertThat(marker.json().getJsonArray("offsets").getJsonObject(0).getLong("offset")).isZero();
  }

  private static Map<String, ConsumerRecord<byte[], byte[]>> byPosition(List<ConsumerRecord<byte[], byte[]>> all) {
    return all.stream().collect(Collectors.toMap(r -> r.partition() + "/" + r.offset(), Function.identity()));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
