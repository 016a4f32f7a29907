package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.server.SchemaRegistryTestData.register;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.bus.FormatOps;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded registry never keeps the proxy from starting: while Kafka cannot be reached it answers "not ready"
 * (503, which clients retry), and a registry topic of the wrong shape is reported on every registry request while
 * the other APIs serve as usual.
 */
class SchemaRegistryAvailabilityE2ETest {

  @Test
  void withKafkaUnreachableTheProxyStartsAndTheRegistryAnswersNotReady() throws Exception {
    try (TestServer server = TestServer.start(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort(),
        "admin.default.api.timeout.ms", "1500", "admin.request.timeout.ms", "1000"))) {
      Http registry = SchemaRegistryTestData.registry(server);

      Http.Reply subjects = registry.get("/subjects").send();
      assertError(subjects, 503, 503);
      assertThat(subjects.json().getString("message")).startsWith("The schema registry is not ready yet - ");
      assertError(register(registry, "s-value", body(avroRecord("A"))), 503, 503);
      assertThat(server.http().get("/health/ready").send().status()).isEqualTo(503);

      // The converters relay it as the proxy's "registry unavailable".
      var encode = server.server().vertx().eventBus().request(FormatOps.ENCODE.address(), new EncodeRequest("t",
          RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofSchema(avroRecord("A")), List.of(new JsonObject())))
          .toCompletionStage().toCompletableFuture();
      assertThatThrownBy(() -> encode.get(60, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
          ReplyException.class, e -> {
            assertThat(e.failureCode()).isEqualTo(50303);
            assertThat(e.getMessage()).startsWith("Schema registry unavailable: The schema registry is not ready");
          });
    }
  }

  @Test
  void aRegistryTopicWithSeveralPartitionsIsReportedWhileTheRestOfTheProxyServes() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("_schemas-bad"), 2);
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic", topic))) {
      Http registry = SchemaRegistryTestData.registry(server);

      Http.Reply subjects = registry.get("/subjects").send();
      assertError(subjects, 500, 50001);
      assertThat(subjects.json().getString("message")).contains(topic + " has 2 partitions");
      assertError(register(registry, "s-value", body(avroRecord("A"))), 500, 50001);

      assertThat(server.http().get("/health/ready").send().status()).isEqualTo(200);
      Http.Reply topics = server.http().get("/topics").accept("application/vnd.kafka.v2+json").send();
      assertThat(topics.status()).isEqualTo(200);
      assertThat(topics.array()).contains(topic);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
