package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.StreamingProduceClient;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v3 produce on a server with API keys, a low produce rate limit and a record size limit: the permission check
 * comes before the stream, and the limits surface as per-record receipts.
 */
class V3ProduceLimitsE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration NOTHING_TIMEOUT = Duration.ofSeconds(2);
  private static final String RECORD = "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}";
  private static final Map<String, String> WRITER = Map.of("X-Auth-Token", "APIKEY");

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"writer","key":"APIKEY","permissions":[{"topics":["v3-limits-*"],"operations":["produce"]}]},
          {"principal":"reader","key":"READKEY","permissions":[{"topics":["*"],"operations":["consume"]}]}
        ]}""");
    server = TestServer.start(Map.of(
        "auth.api.keys.file", keys.toString(),
        "api.v3.produce.rate.limit.enabled", "true",
        "api.v3.produce.rate.limit.max.requests.per.sec", "2",
        "api.v3.produce.request.size.limit.max.bytes", "300"));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String records(String cluster, String topic) {
    return "/v3/clusters/" + cluster + "/topics/" + topic + "/records";
  }

  @Test
  void aKeyWithoutProducePermissionIsRefusedBeforeTheStreamAndNothingIsWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-limits-denied"), 1);

    Http.Reply stream = http.post(records("auth", topic)).header("X-Auth-Token", "READKEY")
        .contentType("application/json").body(RECORD).send();
    Http.Reply batch = http.post(records("auth", topic) + ":batch").header("X-Auth-Token", "READKEY")
        .contentType("application/json").body("{\"entries\":[{\"id\":\"1\"," + RECORD.substring(1) + "]}").send();
    Http.Reply noKey = http.post(records("auth", topic)).contentType("application/json").body(RECORD).send();

    assertError(stream, 403, 40301);
    assertError(batch, 403, 40301);
    assertError(noKey, 401, 40101);
    assertThat(stream.contentType()).isEqualTo("application/json");
    assertThat(TestKafka.readAll(topic, 1, NOTHING_TIMEOUT)).isEmpty();
  }

  @Test
  void recordsOverTheRateLimitGet429ReceiptsAndAreNotWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-limits-rate"), 1);
    int count = 20;

    List<JsonObject> receipts;
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(), records("rate", topic),
        WRITER)) {
      stream.write(IntStream.range(0, count).mapToObj(i -> RECORD).collect(Collectors.joining("\n")));
      stream.end();
      receipts = stream.remainingReceipts();
    }

    assertThat(receipts).hasSize(count);
    List<JsonObject> limited = receipts.stream().filter(r -> r.getInteger("error_code") == 429).toList();
    long written = receipts.stream().filter(r -> r.getInteger("error_code") == 200).count();
    assertThat(limited).isNotEmpty();
    assertThat(written).isPositive();
    assertThat(limited.size() + written).isEqualTo(count);
    assertThat(limited.get(0)).isEqualTo(new JsonObject().put("error_code", 429).put("message",
        "Request rate limit exceeded: The rate limit of requests per second has been exceeded."));
    assertThat(TestKafka.readAll(topic, count, NOTHING_TIMEOUT)).hasSize((int) written);
  }

  @Test
  void aRecordOverTheSizeLimitGetsA400ReceiptAndEndsTheStream() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-limits-size"), 1);
    String large = "{\"value\":{\"type\":\"STRING\",\"data\":\"" + "y".repeat(400) + "\"}}";

    List<JsonObject> receipts = new ArrayList<>();
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(), records("size", topic),
        WRITER)) {
      stream.write(RECORD + "\n");
      receipts.add(stream.nextReceipt());
      stream.write(large + "\n" + RECORD + "\n");
      // The client never ends its body: the server ends the exchange.
      receipts.addAll(stream.remainingReceipts());
    }

    assertThat(receipts).extracting(r -> r.getInteger("error_code")).containsExactly(200, 400);
    assertThat(receipts.get(1).getString("message"))
        .isEqualTo("Bad Request: Error processing message: Produce request size is larger than allowed threshold");
    assertThat(TestKafka.readAll(topic, 2, NOTHING_TIMEOUT)).hasSize(1);
  }

  @Test
  void recordsWithinTheLimitsOfAnotherClusterIdAreUnaffected() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-limits-ok"), 1);

    Http.Reply reply = http.post(records("other", topic)).header("X-Auth-Token", "APIKEY")
        .contentType("application/json").body(RECORD).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getInteger("error_code")).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).hasSize(1);
  }
}
