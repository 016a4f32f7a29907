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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v1 produce over HTTP against the real broker: what clients of kafka-rest ≤5.5 send, and what lands in Kafka. */
class V1ProduceE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String JSON = "application/vnd.kafka.json.v1+json";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  // Long enough for a record that was sent to arrive; used only where nothing may have been written.
  private static final Duration NOTHING_TIMEOUT = Duration.ofSeconds(2);

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @Test
  void theIssuesCurlExampleProducesToANewTopic() {
    String topic = TestKafka.uniqueTopic("mytopic");

    Http.Reply reply = http.post("/topics/" + topic).header("X-Auth-Token", "APIKEY").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/vnd.kafka.v1+json");
    JsonObject offset = reply.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("partition")).isZero();
    assertThat(offset.getLong("offset")).isZero();
    assertThat(offset.containsKey("error_code")).isTrue();
    assertThat(offset.getValue("error_code")).isNull();
    assertThat(offset.containsKey("error")).isTrue();
    assertThat(offset.getValue("error")).isNull();
    assertThat(reply.json().fieldNames()).contains("key_schema_id", "value_schema_id");
    assertThat(reply.json().getValue("key_schema_id")).isNull();
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("hello"));
  }

  @Test
  void binaryKeysAndValuesArriveByteForByteInTheNamedPartitions() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-binary"), 3);
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
    JsonArray offsets = reply.json().getJsonArray("offsets");
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getInteger("partition"))).containsExactly(2, 1, 2);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getLong("offset"))).containsExactly(0L, 0L, 1L);
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
  void thePartitionEndpointWritesEveryRecordToItsPartition() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-partition"), 3);

    Http.Reply reply = http.post("/topics/" + topic + "/partitions/1").contentType(BINARY)
        .body("{\"records\":[{\"key\":\"AQ==\",\"value\":\"Ag==\"},{\"value\":\"Aw==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonArray offsets = reply.json().getJsonArray("offsets");
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getInteger("partition"))).containsExactly(1, 1);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getLong("offset"))).containsExactly(0L, 1L);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 2, READ_TIMEOUT);
    assertThat(stored).extracting(ConsumerRecord::partition).containsExactly(1, 1);
    assertThat(stored.get(0).key()).containsExactly(1);
    assertThat(stored.get(0).value()).containsExactly(2);
    assertThat(stored.get(1).value()).containsExactly(3);
  }

  @Test
  void jsonRecordsAreStoredAsCompactJsonText() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-json"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(JSON)
        .body("{\"records\":[{\"key\":{ \"id\" : 7 },\"value\":{ \"a\" : [1, \"x\", null], \"b\" : true }},"
            + "{\"value\":\"plain\"},{\"value\":12.5}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 3, READ_TIMEOUT);
    assertThat(stored).extracting(r -> utf8(r.value()))
        .containsExactly("{\"a\":[1,\"x\",null],\"b\":true}", "\"plain\"", "12.5");
    assertThat(utf8(stored.get(0).key())).isEqualTo("{\"id\":7}");
    assertThat(stored.get(1).key()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.kafka.v1+json", "application/vnd.kafka+json", "application/json",
      "application/octet-stream", "application/json; charset=UTF-8"})
  void everyUnversionedContentTypeMeansBinary(String contentType) {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-unversioned"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(contentType)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(utf8(r.value())).isEqualTo("hello"));
  }

  @Test
  void theResponseTypeIsNegotiatedFromAccept() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-accept"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY).accept("application/json")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
  }

  @Test
  void invalidBase64RejectsTheWholeRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-bad-base64"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"},{\"value\":\"not base64!\"}]}").send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("Record value contains invalid base64 encoding");
    assertThat(TestKafka.readAll(topic, 1, NOTHING_TIMEOUT)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"records\":[]}", "{}", "{\"records\":null}"})
  void recordsMayNotBeEmpty(String body) {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-empty")).contentType(BINARY).body(body)
        .send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("records may not be empty");
  }

  @Test
  void anUnknownFieldIsRefused() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-unknown")).contentType(BINARY)
        .body("{\"records\":[{\"valeu\":\"AA==\"}]}").send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("Unrecognized field: valeu");
  }

  @Test
  void malformedJsonIsABadRequest() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-malformed")).contentType(BINARY)
        .body("{\"records\":[{\"value\":").send();

    assertError(reply, 400, 400);
  }

  @Test
  void aContentTypeThatIsNotV1IsUnsupported() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-text")).contentType("text/plain")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertError(reply, 415, 415);
  }

  @Test
  void anUnacceptableAcceptGets406WithoutBody() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-406")).contentType(BINARY)
        .accept("text/plain").body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.bytes()).isEmpty();
  }

  @Test
  void avroIsNotSupportedYet() {
    Http.Reply reply = http.post("/topics/" + TestKafka.uniqueTopic("v1-avro"))
        .contentType("application/vnd.kafka.avro.v1+json")
        .body("{\"value_schema\":\"{\\\"type\\\":\\\"int\\\"}\",\"records\":[{\"value\":1}]}").send();

    assertError(reply, 415, 415);
    assertThat(reply.json().getString("message")).contains("avro");
  }

  @Test
  void aPartitionThatDoesNotExistRejectsTheWholeRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-no-partition"), 1);

    Http.Reply viaRecord = http.post("/topics/" + topic).contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\",\"partition\":0},{\"value\":\"AQ==\",\"partition\":1}]}").send();
    Http.Reply viaPath = http.post("/topics/" + topic + "/partitions/3").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertError(viaRecord, 404, 40402);
    assertThat(viaRecord.json().getString("message")).isEqualTo("Partition not found.");
    assertError(viaPath, 404, 40402);
    assertThat(TestKafka.readAll(topic, 1, NOTHING_TIMEOUT)).isEmpty();
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
