package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded, bounded fuzz run of hostile requests (see {@link HostileRequests}) against every route of every
 * generation and the embedded registry. Any answer that is a 5xx, other than the documented Kafka-caused codes, any
 * error code 5xx inside a body (a v3 receipt), any body naming a Java class, and any request left unanswered fails
 * the test; the failure message names the seed and the index of each bad request, so that it can be replayed
 * ({@code -Dfuzz.seed=… -Dfuzz.count=…}).
 */
class HostileRequestsFuzzE2ETest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_205L);
  private static final int COUNT = Integer.getInteger("fuzz.count", 2000);
  private static final int BODY_LIMIT = 64 * 1024;
  private static final int THREADS = 4;
  private static final int TIMEOUT_MS = 30_000;
  // 5xx codes a request may legitimately get when Kafka itself fails (docs/errors.md).
  private static final Set<Integer> KAFKA_CAUSED = Set.of(50002, 50003, 50301, 50302, 50303);
  private static final Pattern JAVA_NAMES = Pattern.compile(
      "java\\.|javax\\.|io\\.vertx|io\\.netty|com\\.fasterxml|org\\.apache|io\\.tributary|Exception|\\.java:"
          + "|StreamReadConstraints|JsonReadFeature|StreamReadFeature");
  private static final Pattern MESSAGE = Pattern.compile(
      // Possessive: messages may quote long client input, which a backtracking group would overflow the stack on.
      "\"message\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
  private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*(\\d+)");

  private static TestServer server;
  private static HostileRequests requests;

  @BeforeAll
  static void start() {
    int registryPort = freePort();
    server = TestServer.start(Map.of("request.body.max.bytes", String.valueOf(BODY_LIMIT),
        "embedded.schema.registry.listener", "http://127.0.0.1:" + registryPort,
        "embedded.schema.registry.topic", TestKafka.uniqueTopic("_schemas-fuzz")));
    Http http = server.http();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("fuzz"), 1);
    String clusterId = http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0)
        .getString("cluster_id");
    String v1Group = TestKafka.uniqueTopic("fuzz-v1");
    String v2Group = TestKafka.uniqueTopic("fuzz-v2");
    assertThat(http.post("/consumers/" + v1Group).contentType("application/vnd.kafka.v1+json")
        .body("{\"name\":\"i1\",\"format\":\"binary\",\"auto.offset.reset\":\"smallest\"}").send().status())
        .isEqualTo(200);
    assertThat(http.post("/consumers/" + v2Group).contentType("application/vnd.kafka.v2+json")
        .body("{\"name\":\"i2\",\"format\":\"binary\",\"auto.offset.reset\":\"earliest\"}").send().status())
        .isEqualTo(200);
    assertThat(http.post("/consumers/" + v2Group + "/instances/i2/subscription")
        .contentType("application/vnd.kafka.v2+json").body(new JsonObject().put("topics", List.of(topic)).encode())
        .send().status()).isEqualTo(204);
    Http registry = new Http("http://127.0.0.1:" + registryPort);
    assertThat(registry.post("/subjects/fuzz-value/versions").contentType("application/vnd.schemaregistry.v1+json")
        .body("{\"schema\":\"\\\"string\\\"\"}").send().status()).isEqualTo(200);
    URI base = URI.create(server.baseUrl());
    requests = new HostileRequests(new HostileRequests.Target(base.getPort(), registryPort, topic, clusterId,
        v1Group, "i1", v2Group, "i2", BODY_LIMIT));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void noHostileRequestGetsA5xxOrAJavaNameOrNoAnswer() throws Exception {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < COUNT; i += THREADS) {
            HostileRequests.Hostile request = requests.request(SEED, i);
            RawHttp.Response response = RawHttp.exchange(request.port(), request.bytes(), TIMEOUT_MS);
            String verdict = verdict(response);
            if (verdict != null) {
              failures.add("#" + i + " " + verdict + "\n    request: " + request.description() + "\n    answer: "
                  + abbreviate(response.head().replace("\r\n", " | ") + " || " + response.body()));
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> sorted = failures.stream().sorted().toList();
    assertThat(sorted).as("%d of %d hostile requests (seed %d; replay one with -Dfuzz.seed=%d) were answered"
        + " badly:%n%s", sorted.size(), COUNT, SEED, SEED,
        String.join("\n", sorted.subList(0, Math.min(40, sorted.size())))).isEmpty();
  }

  /** What is wrong with an answer, or null when nothing is. */
  private static String verdict(RawHttp.Response response) {
    if (response.status() == 0) {
      return "no answer (" + response.problem() + ")";
    }
    // Error answers as a whole, and the messages of receipts in a successful answer (whose data, such as broker
    // configurations, may name classes legitimately).
    Matcher names = JAVA_NAMES.matcher(response.status() >= 400 ? response.body() : messages(response.body()));
    if (names.find()) {
      return "names an internal class (" + names.group() + ")";
    }
    Matcher codes = ERROR_CODE.matcher(response.body());
    while (codes.find()) {
      int code = Integer.parseInt(codes.group(1));
      if (code >= 500 && code < 600) {
        return "error code " + code + " in the body";
      }
    }
    if (response.status() >= 500) {
      Matcher first = ERROR_CODE.matcher(response.body());
      if (!first.find() || !KAFKA_CAUSED.contains(Integer.parseInt(first.group(1)))) {
        return "status " + response.status();
      }
    }
    return null;
  }

  private static String messages(String body) {
    StringBuilder out = new StringBuilder();
    Matcher m = MESSAGE.matcher(body);
    while (m.find()) {
      out.append(m.group(1)).append('\n');
    }
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "…";
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
