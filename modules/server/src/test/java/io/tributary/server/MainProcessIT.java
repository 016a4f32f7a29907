package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an operator runs it: {@code java -jar tributary.jar --config FILE}. */
class MainProcessIT {
  @TempDir
  Path dir;

  @Test
  void startsServesAndExitsZeroOnSigterm() throws Exception {
    int port = freePort();
    Path config = dir.resolve("kafka-rest.properties");
    Files.writeString(config, "bootstrap.servers=" + TestKafka.bootstrapServers() + "\n"
        + "listeners=http://127.0.0.1:" + port + "\n"
        + "embedded.schema.registry.listener=http://127.0.0.1:" + freePort() + "\n"
        + "zookeeper.connect=localhost:2181\n");
    Path log = dir.resolve("out.log");
    Process p = start(List.of("--config", config.toString()), log);
    try {
      Http http = new Http("http://127.0.0.1:" + port);
      Http.Reply ready = awaitReady(http, p);
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().getString("status")).isEqualTo("READY");
      assertThat(http.get("/").send().text()).isEqualTo("{}");
      // The shaded jar carries the metrics stack (Vert.x Micrometer, Prometheus registry, Kafka binder).
      assertThat(http.get("/metrics").send().text()).contains("vertx_http_server_requests_total")
          .contains("kafka_producer_record_send_total");
    } finally {
      p.destroy(); // SIGTERM
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("zookeeper.connect").contains("Tributary stopped");
  }

  @Test
  void anInvalidValueStopsStartUpNamingTheKey() throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "consumer.request.timeout.ms=soon\nbootstrap.servers=127.0.0.1:1\n");
    Path log = dir.resolve("bad.log");
    Process p = start(List.of("--config", config.toString()), log);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("consumer.request.timeout.ms");
  }

  private static Process start(List<String> args, Path log) throws IOException {
    String jar = System.getProperty("tributary.jar");
    assertThat(jar).as("failsafe passes the jar's path").isNotNull();
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static Http.Reply awaitReady(Http http, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        Http.Reply r = http.get(RootRoutes.READY).send();
        if (r.status() == 200) {
          return r;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not become ready");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
