package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.StreamingProduceClient;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /metrics after real traffic through v1, v2, v3 and the registry: the meters exist with their labels and
 * plausible counts, hostile paths do not grow the label sets, and the same meters are in JMX under the prefix.
 */
class MetricsE2ETest {
  private static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";
  private static final String V2 = "application/vnd.kafka.v2+json";
  private static final String JMX_PREFIX = "tributary.test" + UUID.randomUUID().toString().substring(0, 8);

  private static final Path DASHBOARD = Path.of("../../docs/grafana/tributary.json");
  /** Metric names in PromQL: label names, functions and the like never start with these prefixes. */
  private static final Pattern METRIC_NAME = Pattern.compile("\\b((?:vertx|tributary|kafka|jvm|process)_[a-z0-9_]+)");

  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("metrics.jmx.prefix", JMX_PREFIX));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PrometheusScrape scrape(Http http) {
    Http.Reply reply = http.get("/metrics").send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    return PrometheusScrape.parse(reply.text());
  }

  /** Produce, consume and registry traffic that every meter of the docs and the dashboard sees. */
  static void traffic(TestServer server, Http http) {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("metrics"), 1);
    for (int i = 0; i < 3; i++) {
      Http.Reply produced = http.post("/topics/" + topic).contentType(V2_BINARY).accept(V2)
          .body("{\"records\":[{\"value\":\"aGk=\"},{\"value\":\"aG8=\"}]}").send();
      assertThat(produced.status()).as("%s", produced).isEqualTo(200);
    }
    // Avro twice with one schema: the registry's cache misses, then hits.
    String avro = new JsonObject().put("value_schema", SchemaRegistryTestData.avroRecord("MetricsRecord"))
        .put("records", new io.vertx.core.json.JsonArray().add(new JsonObject().put("value",
            new JsonObject().put("f", "x")))).encode();
    for (int i = 0; i < 2; i++) {
      Http.Reply produced = http.post("/topics/" + topic).contentType("application/vnd.kafka.avro.v2+json")
          .accept(V2).body(avro).send();
      assertThat(produced.status()).as("%s", produced).isEqualTo(200);
    }
    String clusterId = http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0)
        .getString("cluster_id");
    Http.Reply v3 = http.post("/v3/clusters/" + clusterId + "/topics/" + topic + "/records")
        .contentType("application/json").body("{\"value\":{\"type\":\"JSON\",\"data\":1}}").send();
    assertThat(v3.status()).as("%s", v3).isEqualTo(200);

    V2ConsumerClient consumers = new V2ConsumerClient(http);
    String group = TestKafka.uniqueTopic("metrics-group");
    String name = consumers.create(group, V2ConsumerClient.quick("binary"));
    consumers.subscribe(group, name, topic);
    int delivered = Eventually.get(() -> {
      Http.Reply read = consumers.get(V2ConsumerClient.instance(group, name) + "/records").accept(V2_BINARY).send();
      assertThat(read.status()).as("%s", read).isEqualTo(200);
      return read.array().size();
    }, size -> size > 0);
    assertThat(delivered).isPositive();
    Http.Reply deleted = consumers.delete(V2ConsumerClient.instance(group, name)).send();
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

    Http registry = SchemaRegistryTestData.registry(server);
    assertThat(registry.get("/subjects").send().status()).isEqualTo(200);
  }

  @Test
  void theMetersOfEveryLayerAreScrapedWithTheirLabels() {
    // Other tests of this class send traffic too: counts are compared with a scrape from before this test's.
    PrometheusScrape before = scrape(http);
    traffic(server, http);
    PrometheusScrape scrape = scrape(http);

    // HTTP: by generation, route template, method and status class.
    assertThat(scrape.sum("vertx_http_server_requests_total", Map.of("generation", "v2",
        "route", "/topics/:topic", "method", "POST", "status_class", "2xx"))).isGreaterThanOrEqualTo(3);
    assertThat(scrape.labelValues("vertx_http_server_requests_total", "generation"))
        .contains("v2", "v3", "registry");
    assertThat(scrape.sum("vertx_http_server_response_time_seconds_bucket", Map.of("generation", "v3",
        "le", "+Inf"))).isPositive();
    assertThat(scrape.names()).contains("vertx_http_server_active_requests", "vertx_http_server_request_bytes_sum",
        "vertx_http_server_response_bytes_sum");

    // Records produced (6 v2 + 1 v3), their latency, consumer instances and deliveries, bus latency.
    assertThat(delta(before, scrape, "tributary_produce_records_total", Map.of("outcome", "produced"))).isEqualTo(9);
    assertThat(delta(before, scrape, "tributary_produce_latency_seconds_count", Map.of())).isEqualTo(6);
    assertThat(delta(before, scrape, "tributary_registry_schema_cache_total", Map.of("result", "miss")))
        .isPositive();
    assertThat(delta(before, scrape, "tributary_registry_schema_cache_total", Map.of("result", "hit")))
        .isPositive();
    assertThat(delta(before, scrape, "tributary_consumer_instance_events_total", Map.of("event", "created")))
        .isEqualTo(1);
    assertThat(delta(before, scrape, "tributary_consumer_instance_events_total", Map.of("event", "deleted")))
        .isEqualTo(1);
    assertThat(scrape.sum("tributary_consumer_instances", Map.of())).isZero();
    assertThat(scrape.sum("tributary_consumer_records_delivered_total", Map.of())).isPositive();
    assertThat(scrape.sum("tributary_consumer_read_wait_seconds_count", Map.of())).isPositive();
    assertThat(scrape.labelValues("tributary_bus_requests_seconds_count", "address"))
        .contains("tributary.produce.send");

    // Kafka clients, JVM and process.
    assertThat(scrape.names()).anyMatch(n -> n.startsWith("kafka_producer_"));
    assertThat(scrape.names()).anyMatch(n -> n.startsWith("kafka_admin_client_"));
    assertThat(scrape.names()).contains("jvm_memory_used_bytes", "process_uptime_seconds", "process_cpu_usage");
  }

  @Test
  void producedRecordsAndLatencyAreLabelledByGenerationAndFormat() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("metrics-origin"), 1);
    PrometheusScrape before = scrape(http);

    expectStatus(http.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v1+json")
        .body("{\"records\":[{\"value\":\"aGk=\"},{\"value\":\"aG8=\"}]}"), 200);
    expectStatus(http.post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json").accept(V2)
        .body("{\"records\":[{\"value\":{\"a\":1}}]}"), 200);
    // The whole v2 request fails (40402): its record counts as failed, under the generation and format it came in.
    expectStatus(http.post("/topics/" + topic + "/partitions/7").contentType(V2_BINARY).accept(V2)
        .body("{\"records\":[{\"value\":\"aGk=\"}]}"), 404);
    String records = "/v3/clusters/" + clusterId() + "/topics/" + topic + "/records";
    expectStatus(http.post(records).contentType("application/json")
        .body("{\"value\":{\"type\":\"JSON\",\"data\":{\"a\":1}}}"), 200);
    expectStatus(http.post(records).contentType("application/json")
        .body("{\"value\":{\"type\":\"STRING\",\"data\":\"hi\"}}"), 200);
    expectStatus(http.post("/topics/" + topic + "/records").contentType("text/plain").body("raw text"), 200);
    expectStatus(http.post("/topics/" + topic + "/records").contentType("application/json").body("{\"a\":1}"), 200);
    PrometheusScrape after = scrape(http);

    String produced = "tributary_produce_records_total";
    assertThat(delta(before, after, produced, origin("v1", "binary", "produced"))).isEqualTo(2);
    assertThat(delta(before, after, produced, origin("v2", "json", "produced"))).isEqualTo(1);
    assertThat(delta(before, after, produced, origin("v2", "binary", "failed"))).isEqualTo(1);
    assertThat(delta(before, after, produced, origin("v3", "json", "produced"))).isEqualTo(1);
    assertThat(delta(before, after, produced, origin("v3", "string", "produced"))).isEqualTo(1);
    assertThat(delta(before, after, produced, origin("eventstreams", "raw", "produced"))).isEqualTo(1);
    assertThat(delta(before, after, produced, origin("eventstreams", "json", "produced"))).isEqualTo(1);
    assertThat(delta(before, after, "tributary_produce_latency_seconds_count",
        Map.of("generation", "v1", "format", "binary"))).isEqualTo(1);
    assertThat(delta(before, after, "tributary_produce_latency_seconds_count",
        Map.of("generation", "eventstreams", "format", "raw"))).isEqualTo(1);
    assertThat(after.sum("tributary_produce_latency_seconds_bucket",
        Map.of("generation", "v3", "format", "string", "le", "+Inf"))).isPositive();
    // Bounded label sets: the fixed enums, whatever the clients sent.
    assertThat(after.labelValues(produced, "generation")).isSubsetOf("v1", "v2", "v3", "eventstreams");
    assertThat(after.labelValues(produced, "format")).isSubsetOf("binary", "json", "avro", "jsonschema",
        "protobuf", "string", "raw", "mixed");
  }

  @Test
  void theKafkaClientsOfConsumerInstancesAreAggregatedWhileTheyLive() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("metrics-clients"), 1);
    expectStatus(http.post("/topics/" + topic).contentType(V2_BINARY).accept(V2)
        .body("{\"records\":[{\"value\":\"aGk=\"},{\"value\":\"aG8=\"}]}"), 200);
    V2ConsumerClient consumers = new V2ConsumerClient(http);
    String group = TestKafka.uniqueTopic("metrics-clients-group");
    String name = consumers.create(group, V2ConsumerClient.quick("binary"));
    consumers.subscribe(group, name, topic);
    int delivered = Eventually.get(() -> consumers.get(V2ConsumerClient.instance(group, name) + "/records")
        .accept(V2_BINARY).send().array().size(), size -> size > 0);
    assertThat(delivered).isPositive();

    PrometheusScrape alive = scrape(http);
    assertThat(alive.sum("tributary_consumer_kafka_records_consumed_rate", Map.of())).isPositive();
    assertThat(alive.sum("tributary_consumer_kafka_fetch_rate", Map.of())).isPositive();
    assertThat(alive.names()).contains("tributary_consumer_kafka_records_lag_max",
        "tributary_consumer_kafka_bytes_consumed_rate");

    expectStatus(consumers.delete(V2ConsumerClient.instance(group, name)), 204);
    assertThat(Eventually.get(() -> scrape(http).sum("tributary_consumer_kafka_fetch_rate", Map.of()),
        rate -> rate == 0)).isZero();
  }

  private static Map<String, String> origin(String generation, String format, String outcome) {
    return Map.of("generation", generation, "format", format, "outcome", outcome);
  }

  private static void expectStatus(Http.Call call, int status) {
    Http.Reply reply = call.send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
  }

  private static String clusterId() {
    return http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0).getString("cluster_id");
  }

  private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
      Map<String, String> labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }

  @Test
  void everyMetricTheGrafanaDashboardQueriesIsScraped() throws Exception {
    traffic(server, http);
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    Set<String> queried = new TreeSet<>();
    dashboard.getJsonArray("panels").forEach(panel -> ((JsonObject) panel).getJsonArray("targets").forEach(target -> {
      Matcher m = METRIC_NAME.matcher(((JsonObject) target).getString("expr"));
      while (m.find()) {
        queried.add(m.group(1));
      }
    }));
    assertThat(queried).hasSizeGreaterThan(15);

    // The GC meters appear with the first collection, which a short test run may not have had yet.
    System.gc();
    assertThat(Eventually.get(() -> scrape(http).names(), names -> names.containsAll(queried)))
        .containsAll(queried);
  }

  @Test
  void anOpenV3StreamIsCountedUntilItEnds() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("metrics-stream"), 1);
    String clusterId = http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0)
        .getString("cluster_id");
    try (StreamingProduceClient stream = StreamingProduceClient.open(http.baseUrl(),
        "/v3/clusters/" + clusterId + "/topics/" + topic + "/records")) {
      stream.write("{\"value\":{\"type\":\"JSON\",\"data\":1}}");
      assertThat(stream.nextReceipt().getInteger("error_code")).isEqualTo(200);
      assertThat(scrape(http).sum("tributary_v3_streams_open", Map.of())).isEqualTo(1);
      stream.end();
      stream.remainingReceipts();
    }
    assertThat(Eventually.get(() -> scrape(http).sum("tributary_v3_streams_open", Map.of()), open -> open == 0))
        .isZero();
  }

  @Test
  void hostilePathsCountAsOneUnmatchedRoute() {
    for (int i = 0; i < 30; i++) {
      http.get("/no-such-" + UUID.randomUUID() + "/" + i).send();
      http.get("/topics/" + UUID.randomUUID() + "/partitions/x" + i).accept("application/x-hostile-" + i).send();
    }
    PrometheusScrape scrape = scrape(http);

    Set<String> routes = scrape.labelValues("vertx_http_server_requests_total", "route");
    assertThat(routes).contains(HttpMeterLabels.UNMATCHED);
    assertThat(routes).allMatch(r -> !r.contains("no-such-") && !r.matches(".*[0-9a-f]{8}-.*"));
    assertThat(scrape.sum("vertx_http_server_requests_total", Map.of("route", HttpMeterLabels.UNMATCHED)))
        .isGreaterThanOrEqualTo(30);
    // However many distinct paths came in, the series stay a handful.
    long series = scrape.samples().stream().filter(s -> s.name().equals("vertx_http_server_requests_total")).count();
    assertThat(series).isLessThan(40);
  }

  @Test
  void theSameMetersAreInJmxUnderThePrefix() throws Exception {
    traffic(server, http);
    Set<String> names = ManagementFactory.getPlatformMBeanServer()
        .queryNames(new ObjectName(JMX_PREFIX + ":*"), null).stream().map(ObjectName::toString)
        .collect(Collectors.toSet());
    assertThat(names).anyMatch(n -> n.contains("tributaryProduceRecords"));
    assertThat(names).anyMatch(n -> n.contains("vertxHttpServerRequests"));
    assertThat(names).anyMatch(n -> n.contains("jvmMemoryUsed"));
  }
}
