package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.OtlpReceiver.ExportedSpan;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

  private static OtlpReceiver receiver;
  private static TestServer traced;

  @BeforeAll
  static void start() {
    receiver = new OtlpReceiver();
    traced = TestServer.start(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + receiver.port(),
        "otel.exporter.otlp.protocol", "http/protobuf",
        "otel.service.name", "tributary-test",
        "otel.traces.sampler", "parentbased_always_on",
        "otel.bsp.schedule.delay", "100"));
  }

  @AfterAll
  static void stop() {
    traced.close();
    receiver.close();
  }

  @Test
  void aProduceWithAnIncomingTraceparentExportsItsSpansAndWritesTheTraceIntoTheRecord() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing"), 1);
    assertThat(produceV2(traced.http(), topic, INCOMING).status()).isEqualTo(200);

    String traceparent = traceparentOfTheOneRecordIn(topic);
    assertThat(traceparent).as("the produce span's context, in the incoming trace")
        .startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
    String producerSpanId = traceparent.substring(36, 52);

    List<ExportedSpan> spans = Eventually.get(receiver::spans,
        all -> all.stream().anyMatch(s -> s.spanId().equals(producerSpanId)));
    assertThat(spans).as("the record's parent span is exported, in the incoming trace")
        .anyMatch(s -> s.spanId().equals(producerSpanId) && s.traceId().equals(TRACE_ID));
    assertThat(spans.stream().filter(s -> s.traceId().equals(TRACE_ID)).count())
        .as("the HTTP request's span and the engine operation's").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRecordWhoseRequestSetATraceparentKeepsIt() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-own"), 1);
    String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    V3Client v3 = V3Client.of(traced.http(), "/v3");
    JsonObject record = new JsonObject()
        .put("headers", List.of(Map.of("name", "traceparent",
            "value", Base64.getEncoder().encodeToString(own.getBytes(StandardCharsets.UTF_8)))))
        .put("value", Map.of("type", "BINARY", "data", "aGk="));
    Http.Reply produced = v3.post("/topics/" + topic + "/records", record.encode());
    assertThat(produced.status()).as("%s", produced).isEqualTo(200);

    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).headers().headers("traceparent")).hasSize(1);
    assertThat(new String(records.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
        .isEqualTo(own);
  }

  @Test
  void aConsumerReadLinksToTheTracesOfTheRecordsItReturns() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-read"), 1);
    assertThat(produceV2(traced.http(), topic, INCOMING).status()).isEqualTo(200);

    V2ConsumerClient consumer = new V2ConsumerClient(traced.http());
    String group = "tracing-read-" + System.nanoTime();
    String name = consumer.create(group, V2ConsumerClient.quick("binary"));
    consumer.subscribe(group, name, topic);
    consumer.readUntil(group, name, V2ConsumerClient.BINARY, "", 1);
    consumer.delete(group, name);

    List<ExportedSpan> spans = Eventually.get(receiver::spans,
        all -> all.stream().anyMatch(s -> s.linkedTraceIds().contains(TRACE_ID)));
    assertThat(spans).as("a read span in a trace of its own, linked to the produce's trace")
        .anyMatch(s -> !s.traceId().equals(TRACE_ID) && s.linkedTraceIds().contains(TRACE_ID));
  }

  @Test
  void anUnreachableCollectorNeitherFailsNorBlocksProduce() {
    try (TestServer server = TestServer.start(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + TestServer.freePort(),
        "otel.bsp.schedule.delay", "100"))) {
      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-unreachable"), 1);
      for (int i = 0; i < 3; i++) {
        assertThat(produceV2(server.http(), topic, null).status()).isEqualTo(200);
      }
      List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 3, Duration.ofSeconds(30));
      assertThat(records).hasSize(3).allMatch(r -> r.headers().lastHeader("traceparent") != null);
    }
  }

  @Test
  void withTracingOffNoTraceparentIsAdded() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("tracing-off"), 1);
    assertThat(produceV2(TestServer.shared().http(), topic, INCOMING).status()).isEqualTo(200);
    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic, 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).headers().lastHeader("traceparent")).isNull();
  }

  private static Http.Reply produceV2(Http http, String topic, String traceparent) {
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
}
