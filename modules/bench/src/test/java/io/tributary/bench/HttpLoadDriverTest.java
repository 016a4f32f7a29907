package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The closed loop against a stand-in produce endpoint: counting, connection use, and failing loudly. */
class HttpLoadDriverTest {
  private Vertx vertx;
  private final AtomicInteger received = new AtomicInteger();
  private final Set<Object> connectionsSeen = ConcurrentHashMap.newKeySet();
  private volatile IntFunction<JsonObject> offsetFor = i -> ok(i);
  private volatile int status = 200;
  private URI uri;

  @BeforeEach
  void startServer() {
    vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      connectionsSeen.add(req.connection());
      received.incrementAndGet();
      int records = new JsonObject(body).getJsonArray("records").size();
      JsonArray offsets = new JsonArray();
      for (int i = 0; i < records; i++) {
        offsets.add(offsetFor.apply(i));
      }
      req.response().setStatusCode(status).putHeader("content-type", ProduceWorkload.V1_ACCEPT)
          .end(new JsonObject().put("offsets", offsets).put("key_schema_id", null).encode());
    }));
    int port = Awaits.await(server.listen(0, "127.0.0.1"), 10).actualPort();
    uri = URI.create("http://127.0.0.1:" + port);
  }

  @AfterEach
  void stopServer() {
    Awaits.await(vertx.close(), 10);
  }

  private static JsonObject ok(int i) {
    return new JsonObject().put("partition", 0).put("offset", i).putNull("error_code").putNull("error");
  }

  @Test
  void sendsTheRecordBudgetInWholeRequestsOverEveryConnection() {
    try (HttpLoadDriver driver = HttpLoadDriver.open(vertx, uri, 3)) {
      PhaseResult result = driver.run(ProduceWorkload.v1Binary(new byte[100], 10), "t",
          new Phase("measured", 600, Duration.ofSeconds(60)));

      assertThat(result.records()).isEqualTo(600);
      assertThat(result.requests()).isEqualTo(60);
      assertThat(received).hasValue(60);
      assertThat(result.latency().count()).isEqualTo(60);
      assertThat(connectionsSeen).hasSize(3);
    }
  }

  @Test
  void aRecordWithAnErrorCodeFailsThePhase() {
    offsetFor = i -> i == 1 ? ok(i).put("error_code", 50002).put("error", "boom") : ok(i);
    try (HttpLoadDriver driver = HttpLoadDriver.open(vertx, uri, 2)) {
      assertThatThrownBy(() -> driver.run(ProduceWorkload.v1Binary(new byte[100], 2), "t",
          new Phase("measured", 100, Duration.ofSeconds(60))))
          .isInstanceOf(BenchFailure.class)
          .hasMessageContaining("failed record at index 1");
    }
  }

  @Test
  void aNon200AnswerFailsThePhase() {
    status = 500;
    try (HttpLoadDriver driver = HttpLoadDriver.open(vertx, uri, 1)) {
      assertThatThrownBy(() -> driver.run(ProduceWorkload.v1Binary(new byte[100], 1), "t",
          new Phase("warm-up", 10, Duration.ofSeconds(60))))
          .isInstanceOf(BenchFailure.class)
          .hasMessageContaining("warm-up phase failed")
          .hasMessageContaining("HTTP 500");
    }
  }
}
