package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.EmbeddedKafkaBroker;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.StreamingProduceClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v3 streaming produce against a cluster that does not create topics on first use (a broker of its own, with
 * {@code auto.create.topics.enable=false}), on a server whose streams may stay open for one second only (and get ten more to finish).
 */
class V3ProduceConnectionE2ETest {
  private static final String RECORD = "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}";

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.start(dir, 0, Map.of("auto.create.topics.enable", "false"));
    server = TestServer.start(Map.of(
        "bootstrap.servers", broker.bootstrapServers(),
        "streaming.connection.max.duration.ms", "1000",
        "streaming.connection.max.duration.grace.period.ms", "10000"));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void recordsForATopicTheClusterWillNotCreateGet40401ReceiptsAndTheStreamGoesOn() {
    Http.Reply reply = http.post("/v3/clusters/c/topics/v3-missing/records").contentType("application/json")
        .body(RECORD + RECORD).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String[] receipts = reply.text().split("\r\n");
    assertThat(receipts).hasSize(2);
    for (String receipt : receipts) {
      assertThat(new JsonObject(receipt)).isEqualTo(new JsonObject().put("error_code", 40401)
          .put("message", "Topic not found."));
    }
  }

  @Test
  void afterTheMaximumDurationRecordsGet408ReceiptsAndTheStreamEndsAfterTheGracePeriod() {
    List<JsonObject> receipts = new ArrayList<>();
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(),
        "/v3/clusters/c/topics/v3-missing/records")) {
      // One record at a time, each with its receipt, until one arrives past the one-second maximum: how many came
      // before depends on the machine's speed, not the outcome. The grace period is long enough for a busy machine.
      Eventually.get(() -> {
        stream.write(RECORD);
        JsonObject receipt = stream.nextReceipt();
        receipts.add(receipt);
        return receipt;
      }, receipt -> receipt.getInteger("error_code") == 408);
      // The client never ends its body: the server closes the stream once the grace period is over.
      receipts.addAll(stream.remainingReceipts());
    }

    List<Integer> codes = receipts.stream().map(r -> r.getInteger("error_code")).toList();
    int firstLate = codes.indexOf(408);
    assertThat(firstLate).as("%s", codes).isNotNegative();
    assertThat(codes.subList(0, firstLate)).as("%s", codes).containsOnly(40401);
    assertThat(codes.subList(firstLate, codes.size())).as("%s", codes).containsOnly(408);
    assertThat(receipts.get(firstLate).getString("message"))
        .isEqualTo("Streaming connection open for longer than allowed: Connection will be closed.");
  }
}
