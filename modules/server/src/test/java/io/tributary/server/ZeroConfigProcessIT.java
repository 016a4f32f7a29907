package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code java -jar tributary.jar} with no configuration file and no
 * {@code bootstrap.servers} starts an embedded broker (data under {@code ./data/kafka}) and an embedded schema
 * registry, and a record produced with the README's v1 example can be read back. Only the ports are moved (through
 * {@code KAFKA_REST_*} variables), so that the test does not collide with anything else on the machine.
 */
class ZeroConfigProcessIT {
  @TempDir
  Path dir;

  @Test
  void withNothingConfiguredARecordGoesInAndComesBackOut() {
    int httpPort = JarProcess.freePort();
    int registryPort = JarProcess.freePort();
    Map<String, String> environment = Map.of(
        "KAFKA_REST_LISTENERS", "http://127.0.0.1:" + httpPort,
        "KAFKA_REST_EMBEDDED_KAFKA_PORT", String.valueOf(JarProcess.freePort()),
        "KAFKA_REST_EMBEDDED_SCHEMA_REGISTRY_LISTENER", "http://127.0.0.1:" + registryPort);
    Http http = new Http("http://127.0.0.1:" + httpPort).checkedBy(ApiContracts.MAIN_LISTENER);
    try (JarProcess process = JarProcess.startIn(dir, environment, dir.resolve("out.log"))) {
      process.awaitReady(http);

      Http.Reply produced = http.post("/topics/greetings").contentType("application/vnd.kafka.binary.v1+json")
          .body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}").send();
      assertThat(produced.status()).as("%s", produced).isEqualTo(200);
      assertThat(produced.json().getJsonArray("offsets").getJsonObject(0).getLong("offset")).isZero();

      JsonArray read = Eventually.get(() -> http.get("/topics/greetings/partitions/0/messages?offset=0&count=10")
          .accept("application/vnd.kafka.binary.v1+json").send().array(), records -> !records.isEmpty());
      assertThat(read).hasSize(1);
      JsonObject record = read.getJsonObject(0);
      assertThat(record.getString("value")).isEqualTo("aGVsbG8=");
      assertThat(record.getLong("offset")).isZero();

      Http.Reply subjects = new Http("http://127.0.0.1:" + registryPort).get("/subjects").send();
      assertThat(subjects.status()).as("%s", subjects).isEqualTo(200);
      assertThat(subjects.array()).isEmpty();

      String out = process.output();
      assertThat(out).contains("No bootstrap.servers configured: starting an embedded Kafka broker");
      assertThat(Files.isDirectory(dir.resolve("data/kafka"))).as("the broker's data under ./data/kafka").isTrue();
      assertThat(process.stop()).as(out).isZero();
    }
  }
}
