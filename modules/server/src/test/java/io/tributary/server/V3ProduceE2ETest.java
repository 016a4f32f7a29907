package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.StreamingProduceClient;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * v3 streaming produce and records:batch over HTTP against the real broker: receipts in input order while the
 * client is still sending, per-record errors that do not end the stream, and what lands in Kafka.
 */
class V3ProduceE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  // Long enough for a record that was sent to arrive; used only where nothing may have been written.
  private static final Duration NOTHING_TIMEOUT = Duration.ofSeconds(2);
  private static final String JSON = "application/json";

  private static TestServer server;
  private static Http http;
  private static String clusterId;

  @BeforeAll
  static void server() throws Exception {
    server = TestServer.shared();
    http = server.http();
    clusterId = TestKafka.admin().describeCluster().clusterId().get(30, TimeUnit.SECONDS);
  }

  private static String records(String topic) {
    return "/v3/clusters/" + clusterId + "/topics/" + topic + "/records";
  }

  private static String batch(String topic) {
    return "/v3/clusters/" + clusterId + "/topics/" + topic + "/records:batch";
  }

  // ---- streaming ----

  @Test
  void tenThousandRecordsOverOneConnectionGetTheirReceiptsInInputOrderWhileTheClientIsStillSending() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-stream"), 3);
    int count = 10_000;
    List<JsonObject> receipts = new ArrayList<>(count);
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(), records(topic))) {
      stream.write(record(0));
      // Full duplex: the first receipt arrives although the request body is far from complete.
      receipts.add(stream.nextReceipt());
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.isEnded()).isFalse();
      StringBuilder chunk = new StringBuilder();
      for (int i = 1; i < count; i++) {
        // Mixed separators: newlines, nothing at all, spaces; all are concatenated JSON.
        chunk.append(record(i)).append(i % 3 == 0 ? "\n" : i % 3 == 1 ? "" : "  ");
        if (i % 250 == 0 || i == count - 1) {
          stream.write(chunk.toString());
          chunk.setLength(0);
        }
      }
      stream.end();
      receipts.addAll(stream.remainingReceipts());
      assertThat(stream.raw()).endsWith("}\r\n");
    }

    assertThat(receipts).hasSize(count);
    for (int i = 0; i < count; i++) {
      JsonObject r = receipts.get(i);
      assertThat(r.getInteger("error_code")).as("receipt %d: %s", i, r).isEqualTo(200);
      assertThat(r.getInteger("partition_id")).as("receipt %d", i).isEqualTo(i % 3);
      assertThat(r.getLong("offset")).as("receipt %d", i).isEqualTo(i / 3);
    }
    JsonObject first = receipts.get(0);
    assertThat(first.getString("cluster_id")).isEqualTo(clusterId);
    assertThat(first.getString("topic_name")).isEqualTo(topic);
    assertThat(Instant.parse(first.getString("timestamp"))).isNotNull();
    assertThat(first.getJsonObject("key")).isEqualTo(new JsonObject().put("type", "BINARY").put("size", 4));
    assertThat(first.getJsonObject("value")).isEqualTo(new JsonObject().put("type", "STRING").put("size", 2));
    assertThat(first.fieldNames()).containsExactlyInAnyOrder("error_code", "cluster_id", "topic_name",
        "partition_id", "offset", "timestamp", "key", "value");

    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, count, READ_TIMEOUT);
    assertThat(stored).hasSize(count);
    for (ConsumerRecord<byte[], byte[]> r : stored) {
      int i = (int) (r.offset() * 3 + r.partition());
      assertThat(new String(r.value(), StandardCharsets.UTF_8)).as("record at %d/%d", r.partition(), r.offset())
          .isEqualTo("v" + i);
      assertThat(r.key()).isEqualTo(intBytes(i));
    }
  }

  private static String record(int i) {
    return new JsonObject().put("partition_id", i % 3)
        .put("key", new JsonObject().put("type", "BINARY").put("data", Base64.getEncoder().encodeToString(intBytes(i))))
        .put("value", new JsonObject().put("type", "STRING").put("data", "v" + i)).encode();
  }

  private static byte[] intBytes(int i) {
    return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
  }

  @Test
  void eachBadRecordGetsItsOwnReceiptAndTheGoodOnesLand() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-mixed"), 2);
    String headers = "\"headers\":[{\"name\":\"h\",\"value\":\"YQ==\"},{\"name\":\"h\",\"value\":\"Yg==\"},"
        + "{\"name\":\"n\",\"value\":null}]";
    // Each line: a record and the error_code its receipt must carry.
    List<Map.Entry<String, Integer>> lines = List.of(
        Map.entry("{\"partition_id\":0,\"value\":{\"type\":\"STRING\",\"data\":\"good-1\"}}", 200),
        Map.entry("{\"value\":{\"type\":\"BINARY\",\"data\":\"not base64!\"}}", 400),
        Map.entry("{\"value\":{\"type\":\"STRING\",\"data\":5}}", 400),
        Map.entry("{\"value\":{\"type\":\"NOPE\",\"data\":\"x\"}}", 400),
        Map.entry("{\"partition_id\":-1,\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}", 40402),
        Map.entry("{\"partition_id\":7,\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}", 40402),
        Map.entry("{\"value\": }", 400),
        Map.entry("{\"value\":{\"type\":\"STRING\",\"data\":\"cut short", 400),
        Map.entry("{\"value\":{\"type\":\"JSON\",\"data\":[1,2}}", 400),
        Map.entry("[{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]", 400),
        Map.entry("{\"vaule\":{\"type\":\"STRING\",\"data\":\"x\"}}", 400),
        Map.entry("{\"headers\":[{\"name\":\"h\",\"value\":\"%%%\"}],\"value\":{\"type\":\"JSON\",\"data\":1}}", 400),
        Map.entry("{\"timestamp\":\"yesterday\",\"value\":{\"type\":\"JSON\",\"data\":1}}", 400),
        Map.entry("{\"value\":{\"type\":\"AVRO\",\"data\":{\"f\":1}}}", 400),
        Map.entry("{\"value\":{\"type\":\"BINARY\",\"schema_id\":1,\"data\":\"eA==\"}}", 400),
        Map.entry("{\"value\":{\"type\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"data\":5}}", 400),
        Map.entry("{\"key\":{\"data\":\"x\"},\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}", 422),
        Map.entry("{\"partition_id\":1,\"key\":{\"type\":\"JSON\",\"data\":{\"k\":[1,true]}}," + headers
            + ",\"timestamp\":\"2021-02-05T19:14:42Z\",\"value\":{\"type\":\"BINARY\",\"data\":\"AP8=\"}}", 200),
        Map.entry("{\"partition_id\":0,\"value\":{\"type\":\"STRING\",\"data\":\"good-3\"}}", 200));

    List<JsonObject> receipts;
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(), records(topic))) {
      stream.write(lines.stream().map(Map.Entry::getKey).collect(Collectors.joining("\n")) + "\n");
      stream.end();
      receipts = stream.remainingReceipts();
    }

    assertThat(receipts).extracting(r -> r.getInteger("error_code"))
        .containsExactlyElementsOf(lines.stream().map(Map.Entry::getValue).toList());
    for (JsonObject r : receipts) {
      if (r.getInteger("error_code") != 200) {
        assertThat(r.fieldNames()).as("%s", r).containsExactlyInAnyOrder("error_code", "message");
        assertThat(r.getString("message")).as("%s", r).isNotBlank().doesNotContain("Exception").doesNotContain(
            "java.");
      }
    }
    assertThat(receipts.get(1).getString("message")).isEqualTo("Bad Request: data=\"not base64!\" is not a base64"
        + " string.");
    assertThat(receipts.get(4).getString("message")).isEqualTo("Partition not found.");
    assertThat(receipts.get(15).getString("message")).startsWith("Bad Request: Conversion of JSON to Avro failed");
    assertThat(receipts.get(16).getString("message")).startsWith("Error: 42207 : Error serializing message.");
    JsonObject full = receipts.get(17);
    assertThat(full.getInteger("partition_id")).isEqualTo(1);
    assertThat(full.getString("timestamp")).isEqualTo("2021-02-05T19:14:42Z");
    assertThat(full.getJsonObject("key")).isEqualTo(new JsonObject().put("type", "JSON").put("size", 14));
    assertThat(full.getJsonObject("value")).isEqualTo(new JsonObject().put("type", "BINARY").put("size", 2));

    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 3, READ_TIMEOUT);
    assertThat(stored).hasSize(3);
    ConsumerRecord<byte[], byte[]> withHeaders = stored.stream().filter(r -> r.partition() == 1).findFirst()
        .orElseThrow();
    assertThat(new String(withHeaders.key(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":[1,true]}");
    assertThat(withHeaders.value()).containsExactly(0, 0xff);
    assertThat(withHeaders.timestamp()).isEqualTo(Instant.parse("2021-02-05T19:14:42Z").toEpochMilli());
    List<Header> h = List.of(withHeaders.headers().toArray());
    assertThat(h).extracting(Header::key).containsExactly("h", "h", "n");
    assertThat(h.get(0).value()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    assertThat(h.get(1).value()).isEqualTo("b".getBytes(StandardCharsets.UTF_8));
    assertThat(h.get(2).value()).isNull();
    assertThat(stored.stream().filter(r -> r.partition() == 0).map(r -> new String(r.value(), StandardCharsets.UTF_8)))
        .containsExactly("good-1", "good-3");
  }

  @Test
  void aTopicThatDoesNotExistIsCreatedOnFirstUseWhenTheClusterAllowsIt() {
    String topic = TestKafka.uniqueTopic("v3-new");

    Http.Reply reply = http.post(records(topic)).contentType(JSON)
        .body("{\"value\":{\"type\":\"JSON\",\"data\":{\"a\":1}}}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getInteger("error_code")).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
  }

  @Test
  void theKafkaPrefixedPathAndAnyClusterIdInThePathWork() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-prefix"), 1);

    Http.Reply reply = http.post("/kafka/v3/clusters/not-checked/topics/" + topic + "/records").contentType(JSON)
        .body("{\"value\":{\"type\":\"STRING\",\"data\":\"a\"}} {\"value\":{\"type\":\"STRING\",\"data\":\"b\"}}")
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(JSON);
    String[] lines = reply.text().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(new JsonObject(lines[1]).getLong("offset")).isEqualTo(1L);
    // Produce does not validate the path's cluster id; receipts name the real cluster.
    assertThat(new JsonObject(lines[0]).getString("cluster_id")).isEqualTo(clusterId);
    assertThat(TestKafka.readAll(topic, 2, READ_TIMEOUT)).hasSize(2);
  }

  @Test
  void aBodyInIso88591IsReadInThatCharset() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-latin1"), 1);
    byte[] body = "{\"value\":{\"type\":\"STRING\",\"data\":\"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1);

    Http.Reply reply = http.post(records(topic)).contentType("application/json; charset=ISO-8859-1").body(body)
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getInteger("error_code")).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("caf\u00e9"));
  }

  @Test
  void aClientThatExpects100ContinueGetsIt() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-continue"), 1);
    HttpRequest request = HttpRequest.newBuilder(URI.create(http.baseUrl() + records(topic)))
        .expectContinue(true).timeout(Duration.ofSeconds(30)).header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofString("{\"value\":{\"type\":\"STRING\",\"data\":\"a\"}}")).build();

    HttpResponse<String> reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(reply.body().trim()).getInteger("error_code")).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \r\n  "})
  void anEmptyBodyIsAnHttpLevel422(String body) {
    String topic = TestKafka.uniqueTopic("v3-empty");

    Http.Reply reply = http.post(records(topic)).contentType(JSON).body(body).send();

    assertError(reply, 422, 42206);
    assertThat(reply.json().getString("message")).isEqualTo("Payload error. Request body is empty. Data is required.");
    assertThat(reply.contentType()).isEqualTo(JSON);
  }

  @Test
  void mediaTypeErrorsComeBeforeTheStreamStarts() {
    String topic = TestKafka.uniqueTopic("v3-media");
    String body = "{\"value\":{\"type\":\"STRING\",\"data\":\"a\"}}";

    assertError(http.post(records(topic)).contentType("text/plain").body(body).send(), 415, 415);
    assertError(http.post(records(topic)).body(body).send(), 415, 415);
    assertError(http.post(batch(topic)).contentType("application/vnd.kafka.binary.v2+json").body(body).send(), 415,
        415);
    assertError(http.post(records(topic)).contentType("application/json; charset=UTF-16").body(body).send(), 400,
        400);
    assertThat(http.post(records(topic)).contentType(JSON).accept("text/plain").body(body).send().status())
        .isEqualTo(406);
    assertError(http.get(records(topic)).send(), 405, 405);
  }

  // ---- records:batch ----

  @Test
  void aBatchAnswers207WithSuccessesAndFailuresInRequestOrder() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-batch"), 2);
    JsonObject body = new JsonObject().put("entries", new JsonArray()
        .add(new JsonObject().put("id", "a").put("partition_id", 0)
            .put("value", new JsonObject().put("type", "STRING").put("data", "A")))
        .add(new JsonObject().put("id", "b").put("value", new JsonObject().put("type", "BINARY").put("data", "!")))
        .add(new JsonObject().put("id", "c").put("partition_id", 1)
            .put("key", new JsonObject().put("type", "STRING").put("data", "k"))
            .put("value", new JsonObject().put("type", "JSON").put("data", new JsonObject().put("x", 1))))
        .add(new JsonObject().put("id", "d-_9").put("partition_id", -1)
            .put("value", new JsonObject().put("type", "STRING").put("data", "D")))
        .add(new JsonObject().put("id", "e").put("partition_id", 0)
            .put("value", new JsonObject().put("type", "STRING").put("data", "E"))));

    Http.Reply reply = http.post(batch(topic)).contentType(JSON).body(body.encode()).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(207);
    assertThat(reply.contentType()).isEqualTo(JSON);
    JsonArray successes = reply.json().getJsonArray("successes");
    JsonArray failures = reply.json().getJsonArray("failures");
    assertThat(successes.stream().map(s -> ((JsonObject) s).getString("id"))).containsExactly("a", "c", "e");
    assertThat(failures.stream().map(f -> ((JsonObject) f).getString("id"))).containsExactly("b", "d-_9");
    JsonObject c = successes.getJsonObject(1);
    assertThat(c.fieldNames()).containsExactlyInAnyOrder("id", "cluster_id", "topic_name", "partition_id", "offset",
        "timestamp", "key", "value");
    assertThat(c.getString("cluster_id")).isEqualTo(clusterId);
    assertThat(c.getInteger("partition_id")).isEqualTo(1);
    assertThat(c.getLong("offset")).isZero();
    assertThat(c.getJsonObject("key")).isEqualTo(new JsonObject().put("type", "STRING").put("size", 1));
    assertThat(c.getJsonObject("value")).isEqualTo(new JsonObject().put("type", "JSON").put("size", 7));
    assertThat(failures.getJsonObject(0).getInteger("error_code")).isEqualTo(400);
    assertThat(failures.getJsonObject(1).getInteger("error_code")).isEqualTo(40402);
    assertThat(failures.getJsonObject(1).fieldNames()).containsExactlyInAnyOrder("id", "error_code", "message");
    assertThat(TestKafka.readAll(topic, 3, READ_TIMEOUT)).hasSize(3);
  }

  @Test
  void requestLevelBatchErrorsAre42208AndWriteNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-batch-bad"), 1);
    String good = "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}";
    Map<String, String> cases = Map.of(
        "", "Request body is empty. Data is required.",
        "{\"entries\":[{\"id\":\"1\"," + good.substring(1) + ",{\"id\":\"1\"," + good.substring(1) + "]}",
        "Batch entry IDs are not distinct.",
        "{\"entries\":[]}", "Empty batch.",
        "{\"entries\":[" + IntStream.range(0, 11).mapToObj(i -> "{\"id\":\"" + i + "\"," + good.substring(1))
            .collect(Collectors.joining(",")) + "]}", "Too many entries in batch.",
        "{\"entries\":[{\"id\":1," + good.substring(1) + "]}", "Batch entry identifier is not a valid string.",
        "{\"entries\":[{\"id\":\"has space\"," + good.substring(1) + "]}",
        "Batch entry identifier is not a valid string.",
        "{\"entries\":[{\"id\":\"" + "x".repeat(81) + "\"," + good.substring(1) + "]}",
        "Batch entry identifier is not a valid string.",
        "{\"entries\":[" + good + "]}", "Batch entry identifier is not a valid string.");

    cases.forEach((body, message) -> {
      Http.Reply reply = http.post(batch(topic)).contentType(JSON).body(body).send();
      assertError(reply, 422, 42208);
      assertThat(reply.json().getString("message")).as("%s", body).isEqualTo(message);
    });
    assertThat(TestKafka.readAll(topic, 1, NOTHING_TIMEOUT)).isEmpty();
  }

  @Test
  void aBatchOfTheMaximumSizeIsAccepted() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-batch-max"), 1);
    String entries = IntStream.range(0, 10).mapToObj(i -> "{\"id\":\"e" + i
        + "\",\"value\":{\"type\":\"STRING\",\"data\":\"" + i + "\"}}").collect(Collectors.joining(","));

    Http.Reply reply = http.post(batch(topic)).contentType(JSON).body("{\"entries\":[" + entries + "]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(207);
    assertThat(reply.json().getJsonArray("successes")).hasSize(10);
    assertThat(reply.json().getJsonArray("failures")).isEmpty();
    Map<Long, String> byOffset = TestKafka.readAll(topic, 10, READ_TIMEOUT).stream()
        .collect(Collectors.toMap(ConsumerRecord::offset, r -> new String(r.value(), StandardCharsets.UTF_8)));
    assertThat(byOffset).hasSize(10);
    reply.json().getJsonArray("successes").stream().map(JsonObject.class::cast).forEach(s ->
        assertThat(byOffset.get(s.getLong("offset"))).isEqualTo(s.getString("id").substring(1)));
  }
}
