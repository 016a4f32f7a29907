package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.kafka.EmbeddedKafkaBroker;
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
 * {@code auto.create.topics.enable=false}), on a server whose streams may stay open for one second only.
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
        "streaming.connection.max.duration.grace.period.ms", "3000"));
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
  void afterTheMaximumDurationRecordsGet408ReceiptsAndTheStreamEndsAfterTheGracePeriod() throws Exception {
    List<JsonObject> receipts = new ArrayList<>();
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(),
        "/v3/clusters/c/topics/v3-missing/records")) {
      stream.write(RECORD);
      receipts.add(stream.nextReceipt());
      // Past the one-second maximum, well within the three-second grace period.
      Thread.sleep(1_500);
      stream.write(RECORD);
      receipts.add(stream.nextReceipt());
      // The client never ends its body: the server closes the stream once the grace period is over.
      receipts.addAll(stream.remainingReceipts());
    }

    assertThat(receipts).extracting(r -> r.getInteger("error_code")).containsExactly(40401, 408);
    assertThat(receipts.get(1).getString("message"))
        .isEqualTo("Streaming connection open for longer than allowed: Connection will be closed.");
  }
}
