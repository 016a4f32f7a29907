package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an operator runs it: {@code java -jar tributary.jar --config FILE}. */
class MainProcessIT {
  @TempDir
  Path dir;

  @Test
  void startsServesAndExitsZeroOnSigterm() throws Exception {
    int port = JarProcess.freePort();
    Path config = dir.resolve("kafka-rest.properties");
    Files.writeString(config, "bootstrap.servers=" + TestKafka.bootstrapServers() + "\n"
        + "listeners=http://127.0.0.1:" + port + "\n"
        + "embedded.schema.registry.listener=http://127.0.0.1:" + JarProcess.freePort() + "\n"
        + "zookeeper.connect=localhost:2181\n");
    try (JarProcess p = JarProcess.start(dir.resolve("out.log"), List.of("--config", config.toString()))) {
      Http http = new Http("http://127.0.0.1:" + port);
      Http.Reply ready = p.awaitReady(http);
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().getString("status")).isEqualTo("READY");
      assertThat(http.get("/").send().text()).isEqualTo("{}");
      // The shaded jar carries the metrics stack (Vert.x Micrometer, Prometheus registry, Kafka binder).
      assertThat(http.get("/metrics").send().text()).contains("vertx_http_server_requests_total")
          .contains("kafka_producer_record_send_total");
      // The packaged jar carries the API documents and Swagger UI (issue 11): nothing is fetched from a network.
      assertThat(http.get("/openapi/v2.yaml").send().status()).isEqualTo(200);
      assertThat(http.get("/docs/").send().text()).contains("swagger-ui-bundle.js");
      assertThat(http.get("/docs/swagger-ui-bundle.js").send().status()).isEqualTo(200);

      int exit = p.stop(); // SIGTERM
      String out = p.output();
      assertThat(exit).as(out).isZero();
      assertThat(out).contains("zookeeper.connect").contains("Tributary stopped");
    }
  }

  @Test
  void anInvalidValueStopsStartUpNamingTheKey() throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "consumer.request.timeout.ms=soon\nbootstrap.servers=127.0.0.1:1\n");
    try (JarProcess p = JarProcess.start(dir.resolve("bad.log"), List.of("--config", config.toString()))) {
      assertThat(p.awaitExit()).isEqualTo(1);
      StartupFailureProcessIT.assertOneLineNaming(p.output(), "consumer.request.timeout.ms", "soon");
    }
  }
}
