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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The produce contract v1 and v2 share (reference §2.1, §3.3), once for each generation against the real broker:
 * what lands in Kafka, the answer's shape, and the refusals that write nothing. What only one generation does stays
 * in V1ProduceE2ETest and V2ProduceE2ETest.
 */
class V1V2ProduceContractE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** A generation's media types and the one place where the two differ here: invalid base64. */
  enum Generation {
    V1("application/vnd.kafka.binary.v1+json", "application/vnd.kafka.json.v1+json",
        "application/vnd.kafka.v1+json", "application/vnd.kafka.v1+json",
        422, "Record value contains invalid base64 encoding"),
    V2("application/vnd.kafka.binary.v2+json", "application/vnd.kafka.json.v2+json",
        "application/vnd.kafka.v2+json", "application/json",
        400, "Bad Request: data=\"not base64!\" is not a valid base64 string.");

    final String binary;
    final String json;
    final String response;
    final String errorType;
    final int badBase64Status;
    final String badBase64Message;

    Generation(String binary, String json, String response, String errorType, int badBase64Status,
        String badBase64Message) {
      this.binary = binary;
      this.json = json;
      this.response = response;
      this.errorType = errorType;
      this.badBase64Status = badBase64Status;
      this.badBase64Message = badBase64Message;
    }

    String topic(String name) {
      return TestKafka.uniqueTopic(name().toLowerCase() + "-" + name);
    }
  }

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void binaryKeysAndValuesArriveByteForByteInTheNamedPartitions(Generation generation) {
    String topic = TestKafka.createTopic(generation.topic("binary"), 3);
    byte[] key0 = {0, (byte) 0xff, 0x10, (byte) 0x80};
    byte[] value0 = {(byte) 0xc3, 0x28, 0, 0, 0x7f};
    byte[] value1 = "second".getBytes(StandardCharsets.UTF_8);
    byte[] key2 = {(byte) 0xfe};
    JsonArray records = new JsonArray()
        .add(new JsonObject().put("key", b64(key0)).put("value", b64(value0)).put("partition", 2))
        .add(new JsonObject().put("value", b64(value1)).put("partition", 1))
        .add(new JsonObject().put("key", b64(key2)).put("value", null).put("partition", 2));

    Http.Reply reply = http.post("/topics/" + topic).contentType(generation.binary)
        .body(new JsonObject().put("records", records).encode()).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(generation.response);
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
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getValue("error"))).containsOnlyNulls();
    Map<String, ConsumerRecord<byte[], byte[]>> stored = byPosition(TestKafka.readAll(topic, 3, READ_TIMEOUT));
    assertThat(stored).hasSize(3);
    assertThat(stored.get("2/0").key()).isEqualTo(key0);
    assertThat(stored.get("2/0").value()).isEqualTo(value0);
    assertThat(stored.get("1/0").key()).isNull();
    assertThat(stored.get("1/0").value()).isEqualTo(value1);
    assertThat(stored.get("2/1").key()).isEqualTo(key2);
    assertThat(stored.get("2/1").value()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void jsonRecordsAreStoredAsCompactJsonText(Generation generation) {
    String topic = TestKafka.createTopic(generation.topic("json"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(generation.json)
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

  @ParameterizedTest
  @EnumSource(Generation.class)
  void invalidBase64RejectsTheWholeRequestAndWritesNothing(Generation generation) {
    String topic = TestKafka.createTopic(generation.topic("bad-base64"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"},{\"value\":\"not base64!\"}]}").send();

    assertError(reply, generation.badBase64Status, generation.badBase64Status);
    assertThat(reply.contentType()).isEqualTo(generation.errorType);
    assertThat(reply.json().getString("message")).isEqualTo(generation.badBase64Message);
    assertNothingWasWritten(generation, topic);
  }

  static List<Arguments> emptyRecords() {
    return List.of(Generation.values()).stream().flatMap(g -> List.of("{\"records\":[]}", "{}",
        "{\"records\":null}").stream().map(body -> Arguments.of(g, body))).toList();
  }

  @ParameterizedTest
  @MethodSource("emptyRecords")
  void recordsMayNotBeEmpty(Generation generation, String body) {
    Http.Reply reply = http.post("/topics/" + generation.topic("empty")).contentType(generation.binary).body(body)
        .send();

    assertError(reply, 422, 422);
    assertThat(reply.json().getString("message")).isEqualTo("records may not be empty");
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void anUnknownFieldIsRefused(Generation generation) {
    Http.Reply binary = http.post("/topics/" + generation.topic("unknown")).contentType(generation.binary)
        .body("{\"records\":[{\"valeu\":\"AA==\"}]}").send();
    Http.Reply json = http.post("/topics/" + generation.topic("unknown")).contentType(generation.json)
        .body("{\"records\":[{\"valeu\":1}]}").send();

    for (Http.Reply reply : List.of(binary, json)) {
      assertError(reply, 422, 422);
      assertThat(reply.json().getString("message")).isEqualTo("Unrecognized field: valeu");
    }
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void malformedJsonIsABadRequestAndWritesNothing(Generation generation) {
    String topic = TestKafka.createTopic(generation.topic("malformed"), 1);

    Http.Reply binary = http.post("/topics/" + topic).contentType(generation.binary)
        .body("{\"records\":[{\"value\":").send();
    Http.Reply json = http.post("/topics/" + topic).contentType(generation.json)
        .body("{\"records\":[{\"value\":{\"a\":1}},{\"value\":").send();

    for (Http.Reply reply : List.of(binary, json)) {
      assertError(reply, 400, 400);
      assertThat(reply.contentType()).isEqualTo(generation.errorType);
    }
    assertNothingWasWritten(generation, topic);
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void aContentTypeNoGenerationTakesIsUnsupported(Generation generation) {
    Http.Reply reply = http.post("/topics/" + generation.topic("text")).contentType("text/plain")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertError(reply, 415, 415);
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void anUnacceptableAcceptGets406WithoutBody(Generation generation) {
    Http.Reply reply = http.post("/topics/" + generation.topic("406")).contentType(generation.binary)
        .accept("text/plain").body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.bytes()).isEmpty();
    assertThat(reply.contentType()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void aPartitionThatDoesNotExistRejectsTheWholeRequestAndWritesNothing(Generation generation) {
    String topic = TestKafka.createTopic(generation.topic("no-partition"), 1);

    Http.Reply viaRecord = http.post("/topics/" + topic).contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\",\"partition\":0},{\"value\":\"AQ==\",\"partition\":1}]}").send();
    Http.Reply viaPath = http.post("/topics/" + topic + "/partitions/3").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    for (Http.Reply reply : List.of(viaRecord, viaPath)) {
      assertError(reply, 404, 40402);
      assertThat(reply.json().getString("message")).isEqualTo("Partition not found.");
    }
    assertNothingWasWritten(generation, topic);
  }

  /**
   * Produces one record through the proxy and checks that it is the topic's first: the proxy's one producer sends
   * in order, so anything an earlier, rejected request had written would come before it.
   */
  private static void assertNothingWasWritten(Generation generation, String topic) {
    Http.Reply marker = http.post("/topics/" + topic + "/partitions/0").contentType(generation.binary)
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
