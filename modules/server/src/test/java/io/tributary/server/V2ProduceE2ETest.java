package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
  void invalidBase64InAKeyRejectsTheWholeRequestAndWritesNothing() {
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
  void anEmptyBodyIsUnprocessable() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v2-no-body")).contentType(BINARY).send();

    assertError(reply, 422, 422);
  }

  @Test
  void aRecordsOwnMissingPartitionOnThePartitionPathOrAPathPartitionThatIsNotANumberIsNotFound() {
    // The cases v1 does not share (V1V2ProduceContractE2ETest has the common ones): v1 refuses a record partition on
    // the partition path, and answers a path partition that is not a number with a plain 404.
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-no-partition"), 1);

    Http.Reply viaOverride = http.post("/topics/" + topic + "/partitions/0").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"},{\"value\":\"AA==\",\"partition\":5}]}").send();
    Http.Reply notANumber = http.post("/topics/" + topic + "/partitions/first").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    for (Http.Reply reply : List.of(viaOverride, notANumber)) {
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

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
