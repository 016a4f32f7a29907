package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.RawConnection.Outcome;
import io.tributary.testkit.StreamingProduceClient;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits that keep idle and stalling clients from holding connections: {@code idle.timeout.ms} and
 * {@code request.body.timeout.ms}, both one second here, on the proxy's listener and the embedded registry's.
 * Each test waits for the server to act; none measures how fast it does.
 */
class ConnectionLimitsE2ETest {
  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final String RECORD = "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}";

  private static TestServer server;
  private static String registryUrl;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("idle.timeout.ms", "1000", "request.body.timeout.ms", "1000",
        "consumer.request.timeout.ms", "3000"));
    registryUrl = SchemaRegistryTestData.registry(server).baseUrl();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anIdleKeepAliveConnectionServesRequestsAndIsThenClosed() {
    try (RawConnection connection = RawConnection.open(server.baseUrl())) {
      for (int i = 0; i < 2; i++) {
        connection.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawConnection.Response response = connection.readResponse();
        assertThat(response.status()).as(response.head()).isEqualTo(200);
      }

      assertThat(connection.awaitClosed()).as("the idle connection is closed by the server").isTrue();
    }
  }

  @Test
  void anIdleConnectionToTheRegistryIsClosed() {
    try (RawConnection connection = RawConnection.open(registryUrl)) {
      connection.send("GET /subjects HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawConnection.Response response = connection.readResponse();
      assertThat(response.status()).as(response.head()).isEqualTo(200);

      assertThat(connection.awaitClosed()).isTrue();
    }
  }

  @Test
  void aConnectionThatNeverSendsARequestIsClosed() {
    try (RawConnection connection = RawConnection.open(server.baseUrl())) {
      assertThat(connection.awaitClosed()).isTrue();
    }
  }

  @Test
  void headersSentAByteAtATimeAreCutOff() {
    try (RawConnection connection = RawConnection.open(server.baseUrl())) {
      connection.send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");

      // Every pause is shorter than the idle timeout, so only a deadline on the whole head ends this.
      Outcome outcome = connection.trickle("X-Slow: 1\r\n", PAUSE);

      assertThat(outcome).isEqualTo(Outcome.CLOSED);
    }
  }

  @Test
  void aBodyThatTricklesGets408AndTheConnectionIsClosed() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("slow-body"), 1);
    try (RawConnection connection = RawConnection.open(server.baseUrl())) {
      connection.send("POST /topics/" + topic + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/vnd.kafka.binary.v2+json\r\nContent-Length: 10000\r\n\r\n"
          + "{\"records\":[");

      Outcome outcome = connection.trickle(" ", PAUSE);

      assertThat(outcome).isEqualTo(Outcome.ANSWERED);
      RawConnection.Response response = connection.readResponse();
      assertThat(response.status()).as(response.head()).isEqualTo(408);
      assertThat(new JsonObject(response.body()).getInteger("error_code")).isEqualTo(408);
      assertThat(response.body()).doesNotContain("Exception");
      assertThat(connection.awaitClosed()).isTrue();
    }
    assertThat(endOffset(topic)).as("nothing of the request reached Kafka").isZero();
  }

  @Test
  void aStalledBodyToTheRegistryGets408InTheRegistryShape() {
    try (RawConnection connection = RawConnection.open(registryUrl)) {
      connection.send("POST /subjects/stalled-value/versions HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: 1000\r\n\r\n{\"schema\":");

      // A body that stops altogether.
      Outcome outcome = connection.waitFor(Duration.ofSeconds(60));

      assertThat(outcome).isEqualTo(Outcome.ANSWERED);
      RawConnection.Response response = connection.readResponse();
      assertThat(response.status()).as(response.head()).isEqualTo(408);
      JsonObject error = new JsonObject(response.body());
      assertThat(error.getInteger("error_code")).isEqualTo(408);
      assertThat(error.getString("message")).contains("request body");
      assertThat(connection.awaitClosed()).isTrue();
    }
  }

  @Test
  void aRequestWaitingForItsAnswerLongerThanTheIdleTimeoutIsServed() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("long-poll"), 1);
    V2ConsumerClient consumer = new V2ConsumerClient(server.http());
    String group = "long-poll-" + topic;
    String name = consumer.create(group, new JsonObject().put("format", "binary")
        .put("consumer.request.timeout.ms", 3_000));
    consumer.subscribe(group, name, topic);

    // An empty topic: the read waits for records up to three idle timeouts before it answers.
    long begin = System.nanoTime();
    var reply = consumer.readReply(group, name, V2ConsumerClient.BINARY, "?timeout=3000");
    long waitedMs = (System.nanoTime() - begin) / 1_000_000;

    assertThat(waitedMs).as("the premise: the read outlasted the idle timeout").isGreaterThan(1_000);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.array()).isEmpty();
    consumer.delete(group, name);
  }

  @Test
  void aSilentV3StreamIsEndedCleanlyAfterTheIdleTimeout() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("silent-stream"), 1);
    List<JsonObject> receipts = new ArrayList<>();
    try (StreamingProduceClient stream = StreamingProduceClient.open(server.baseUrl(),
        "/v3/clusters/any/topics/" + topic + "/records")) {
      stream.write(RECORD);
      receipts.add(stream.nextReceipt());
      // The client sends nothing more and never ends its body.
      receipts.addAll(stream.remainingReceipts());

      assertThat(stream.endedNormally()).as("the response ends with its last chunk: %s", stream.raw()).isTrue();
    }
    assertThat(receipts).hasSize(1);
    assertThat(receipts.get(0).getInteger("error_code")).isEqualTo(200);
  }

  private static long endOffset(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = TestKafka.nativeConsumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return consumer.endOffsets(List.of(partition)).get(partition);
    }
  }
}
