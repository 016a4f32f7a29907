package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.StreamingProduceClient;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A graceful stop ({@link TributaryServer#stop()}, what SIGTERM runs) with a v3 stream open: the stream may go on
 * for {@code shutdown.graceful.ms}; then it stops reading and still writes the receipt of every record that went to
 * Kafka before its response ends. Each test stops a server of its own.
 */
class ShutdownGraceE2ETest {
  private static final String RECORD = "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}";
  /** Records the client sends at most while the server keeps reading; the grace period ends the stream first. */
  private static final int MAX_RECORDS = 20_000;

  @Test
  void aStreamThatEndsWithinTheGracePeriodIsServedInFull() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("grace-end"), 1);
    // A grace period far longer than the test needs: the stream ends first, and the stop with it.
    TestServer server = TestServer.start(Map.of("shutdown.graceful.ms", "300000", "idle.timeout.ms", "0"));
    List<JsonObject> receipts = new ArrayList<>();
    CompletableFuture<Void> stopping;
    try (StreamingProduceClient stream = StreamingProduceClient.open(server.baseUrl(), path(topic))) {
      for (int i = 0; i < 3; i++) {
        stream.write(RECORD);
        receipts.add(stream.nextReceipt());
      }

      stopping = CompletableFuture.runAsync(server::close);
      boolean stillServing = Eventually.get(() -> serves(server), serving -> !serving);
      assertThat(stillServing).as("the premise: the server is shutting down").isFalse();
      for (int i = 0; i < 3; i++) {
        stream.write(RECORD);
      }
      stream.end();
      receipts.addAll(stream.remainingReceipts());

      assertThat(stream.endedNormally()).as("%s", stream.raw()).isTrue();
    }
    stopping.get(120, TimeUnit.SECONDS);

    assertThat(receipts).extracting(r -> r.getInteger("error_code")).containsOnly(200).hasSize(6);
    assertThat(receipts).extracting(r -> r.getLong("offset")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(endOffset(topic)).isEqualTo(6);
  }

  @Test
  void aStreamStillOpenAfterTheGracePeriodIsEndedWithAReceiptForEveryRecordInKafka() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("grace-over"), 1);
    // No idle limit: only the end of the grace period can end the stream.
    TestServer server = TestServer.start(Map.of("shutdown.graceful.ms", "1000", "idle.timeout.ms", "0"));
    List<JsonObject> receipts = new ArrayList<>();
    CompletableFuture<Void> stopping;
    try (StreamingProduceClient stream = StreamingProduceClient.open(server.baseUrl(), path(topic))) {
      for (int i = 0; i < 5; i++) {
        stream.write(RECORD);
      }
      for (int i = 0; i < 5; i++) {
        receipts.add(stream.nextReceipt());
      }

      stopping = CompletableFuture.runAsync(server::close);
      // The client goes on sending, never ending its body, until the server ends the stream.
      for (int sent = 0; sent < MAX_RECORDS && !stream.isEnded(); sent++) {
        try {
          stream.write(RECORD);
        } catch (IllegalStateException closed) {
          break;
        }
      }
      receipts.addAll(stream.remainingReceipts());

      assertThat(stream.endedNormally()).as("the response ends with its last chunk, not a reset").isTrue();
    }
    stopping.get(120, TimeUnit.SECONDS);

    assertThat(receipts.size()).isGreaterThanOrEqualTo(5);
    assertThat(receipts).extracting(r -> r.getInteger("error_code")).containsOnly(200);
    assertThat(receipts).extracting(r -> r.getLong("offset")).doesNotHaveDuplicates();
    assertThat(endOffset(topic)).as("records in Kafka, each with its receipt").isEqualTo(receipts.size());
  }

  private static String path(String topic) {
    return "/v3/clusters/any/topics/" + topic + "/records";
  }

  /** Whether a new connection gets an answer from the server. */
  private static boolean serves(TestServer server) {
    try (RawConnection connection = RawConnection.open(server.baseUrl())) {
      connection.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
      return connection.readResponse().status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static long endOffset(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = TestKafka.nativeConsumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return consumer.endOffsets(List.of(partition)).get(partition);
    }
  }
}
