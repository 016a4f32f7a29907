package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry tracing end to end: an in-process OTLP/HTTP receiver collects what the proxy exports, and the records
 * in Kafka carry the produce span's {@code traceparent}.
 */
class TracingE2ETest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String INCOMING = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  private static Vertx receiverVertx;
  private static HttpServer receiver;
  private static final List<byte[]> exported = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startReceiver() throws Exception {
    receiverVertx = Vertx.vertx();
    receiver = receiverVertx.createHttpServer().requestHandler(request -> {
      if (request.method() == HttpMethod.POST && "/v1/traces".equals(request.path())) {
        request.body().onSuccess(body -> {
          exported.add(body.getBytes());
          // An empty ExportTraceServiceResponse: the exporter counts the batch as delivered.
          request.response().putHeader("content-type", "application/x-protobuf").end();
        });
      } else {
        request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
  }

  @AfterAll
  static void stopReceiver() throws Exception {
    receiverVertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void aProduceWithAnIncomingTraceparentExportsItsSpansAndWritesTheTraceIntoTheRecord() {
    try (TestServer server = TestServer.start(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + receiver.actualPort(),
        "otel.exporter.otlp.protocol", "http/protobuf",
        "otel.service.name", "tributary-test",
        "otel.traces.sampler", "parentbased_always_on",
        "otel.bsp.schedule.delay", "100"))) {
      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing"), 1);
      assertThat(produce(server.http(), topic, INCOMING).status()).isEqualTo(200);

      String traceparent = traceparentOfTheOneRecordIn(topic);
      assertThat(traceparent).as("the produce span's context, in the incoming trace")
          .startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");

      byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
      byte[] serviceName = "tributary-test".getBytes(StandardCharsets.UTF_8);
      List<byte[]> withTrace = Eventually.get(() -> exported.stream().filter(b -> contains(b, traceId)).toList(),
          batches -> !batches.isEmpty());
      assertThat(withTrace).as("spans of the incoming trace exported over OTLP").isNotEmpty();
      assertThat(withTrace).anyMatch(b -> contains(b, serviceName));
      // The record carries the span id of an exported span (the engine's produce span).
      byte[] spanId = HexFormat.of().parseHex(traceparent.substring(36, 52));
      assertThat(Eventually.get(() -> exported.stream().anyMatch(b -> contains(b, spanId)), found -> found))
          .as("the record's parent span is exported").isTrue();
    }
  }

  @Test
  void anUnreachableCollectorNeitherFailsNorBlocksProduce() {
    try (TestServer server = TestServer.start(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + TestServer.freePort(),
        "otel.bsp.schedule.delay", "100"))) {
      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-unreachable"), 1);
      for (int i = 0; i < 3; i++) {
        assertThat(produce(server.http(), topic, null).status()).isEqualTo(200);
      }
      List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 3, Duration.ofSeconds(30));
      assertThat(records).hasSize(3).allMatch(r -> r.headers().lastHeader("traceparent") != null);
    }
  }

  @Test
  void withTracingOffNoTraceparentIsAdded() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-off"), 1);
    assertThat(produce(TestServer.shared().http(), topic, INCOMING).status()).isEqualTo(200);
    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).headers().lastHeader("traceparent")).isNull();
  }

  private static Http.Reply produce(Http http, String topic, String traceparent) {
    Http.Call call = http.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v2+json")
        .accept("application/vnd.kafka.v2+json");
    if (traceparent != null) {
      call.header("traceparent", traceparent);
    }
    return call.body("{\"records\":[{\"value\":\"aGk=\"}]}").send();
  }

  private static String traceparentOfTheOneRecordIn(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    Header header = records.get(0).headers().lastHeader("traceparent");
    assertThat(header).as("a traceparent header on the record").isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
