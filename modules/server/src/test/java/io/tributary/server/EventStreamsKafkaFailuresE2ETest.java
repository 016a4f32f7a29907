package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST producer's answers when Kafka cannot take a record: 503 when it is unreachable, 408 when it times out. */
class EventStreamsKafkaFailuresE2ETest {
  @Test
  void kafkaUnreachableIs503() throws IOException {
    try (TestServer server = TestServer.start(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort(),
        "admin.default.api.timeout.ms", "1500", "admin.request.timeout.ms", "1000"))) {
      var reply = server.http().post("/topics/anything/records").contentType("text/plain").body("v").send();

      JsonObject error = assertEventStreamsError(reply, 503).getJsonObject("error");
      assertThat(error.getString("topic")).isEqualTo("anything");
    }
  }

  @Test
  void aProduceThatKafkaDoesNotAcknowledgeInTimeIs408() throws Exception {
    // The topic exists (the admin client sees it), but the producer alone is pointed at a dead address: its send
    // waits for metadata until max.block.ms and then gives up, as it would against a cluster that stopped answering.
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("es-timeout"), 1);
    try (TestServer server = TestServer.start(Map.of("producer.bootstrap.servers", "127.0.0.1:" + closedPort(),
        "producer.max.block.ms", "1000"))) {
      var reply = server.http().post("/topics/" + topic + "/records").contentType("text/plain").body("v").send();

      JsonObject error = assertEventStreamsError(reply, 408).getJsonObject("error");
      assertThat(error.getInteger("kafka_error_code")).isEqualTo(7);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
