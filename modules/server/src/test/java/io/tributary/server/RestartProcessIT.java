package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with no {@code bootstrap.servers}, restarted on the same data directory after a SIGTERM and after
 * a {@code kill -9}: records, topics, committed offsets and the embedded registry's schemas (with their ids) are all
 * still there.
 */
class RestartProcessIT {
  private static final String TOPIC = "restarts";
  private static final String GROUP = "restart-readers";
  private static final String BINARY_V2 = "application/vnd.kafka.binary.v2+json";
  private static final String REGISTRY = "application/vnd.schemaregistry.v1+json";

  @TempDir
  Path dir;

  @Test
  void dataSurvivesAStopAndAKill() {
    int httpPort = JarProcess.freePort();
    int registryPort = JarProcess.freePort();
    Map<String, String> config = Map.of(
        "listeners", "http://127.0.0.1:" + httpPort,
        "embedded.schema.registry.listener", "http://127.0.0.1:" + registryPort,
        "embedded.kafka.dir", dir.resolve("kafka").toString(),
        "embedded.kafka.port", String.valueOf(JarProcess.freePort()));
    Http http = new Http("http://127.0.0.1:" + httpPort);
    Http registry = new Http("http://127.0.0.1:" + registryPort);
    V2ConsumerClient consumers = new V2ConsumerClient(http);
    String firstSchema = schema("First");
    String secondSchema = schema("Second");

    int firstId;
    try (JarProcess first = JarProcess.start(dir, "first", config)) {
      first.awaitReady(http);
      produce(http, "one");
      firstId = register(registry, "first-value", firstSchema);
      assertThat(readNewInGroup(consumers, "c1", 1)).containsExactly("one");
      assertThat(first.stop()).as(first.output()).isZero();
    }

    int secondId;
    try (JarProcess second = JarProcess.start(dir, "second", config)) {
      second.awaitReady(http);
      assertThat(readFromStart(http)).containsExactly("one");
      assertThat(schemaById(registry, firstId)).isEqualTo(firstSchema);
      produce(http, "two");
      // The group's committed offset survived: a new member starts after "one".
      assertThat(readNewInGroup(consumers, "c2", 1)).containsExactly("two");
      secondId = register(registry, "second-value", secondSchema);
      produce(http, "three");
      second.kill();
    }

    try (JarProcess third = JarProcess.start(dir, "third", config)) {
      third.awaitReady(http);
      assertThat(readFromStart(http)).containsExactly("one", "two", "three");
      assertThat(schemaById(registry, firstId)).isEqualTo(firstSchema);
      assertThat(schemaById(registry, secondId)).isEqualTo(secondSchema);
      assertThat(register(registry, "first-value", firstSchema)).as("same schema, same id").isEqualTo(firstId);
      assertThat(readNewInGroup(consumers, "c3", 1)).containsExactly("three");
      String output = third.output();
      assertThat(third.stop()).as(output).isZero();
    }
  }

  private static String schema(String name) {
    return new JsonObject().put("type", "record").put("name", name).put("fields", new JsonArray()
        .add(new JsonObject().put("name", "a").put("type", "string"))).encode();
  }

  private static void produce(Http http, String value) {
    Http.Reply reply = http.post("/topics/" + TOPIC).contentType(BINARY_V2)
        .body(new JsonObject().put("records", new JsonArray().add(new JsonObject().put("value", base64(value))))
            .encode()).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  private static int register(Http registry, String subject, String schema) {
    Http.Reply reply = registry.post("/subjects/" + subject + "/versions").contentType(REGISTRY)
        .body(new JsonObject().put("schema", schema).encode()).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getInteger("id");
  }

  private static String schemaById(Http registry, int id) {
    Http.Reply reply = registry.get("/schemas/ids/" + id).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return new JsonObject(reply.json().getString("schema")).encode();
  }

  /** A new member of the group reads what the group has not committed yet, then commits it. */
  private static List<String> readNewInGroup(V2ConsumerClient consumers, String name, int expected) {
    consumers.create(GROUP, V2ConsumerClient.quick("binary").put("name", name));
    consumers.subscribe(GROUP, name, TOPIC);
    List<String> values = consumers.readUntil(GROUP, name, BINARY_V2, "", expected).stream()
        .map(r -> decode(r.getString("value"))).toList();
    Http.Reply commit = consumers.post(V2ConsumerClient.instance(GROUP, name) + "/offsets", null);
    assertThat(commit.status()).as("%s", commit).isBetween(200, 204);
    consumers.delete(GROUP, name);
    return values;
  }

  /** Every record of the topic, read from offset 0 (v1 simple read, no group). */
  private static List<String> readFromStart(Http http) {
    Http.Reply reply = http.get("/topics/" + TOPIC + "/partitions/0/messages?offset=0&count=100")
        .accept("application/vnd.kafka.binary.v1+json").send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.array().stream().map(r -> decode(((JsonObject) r).getString("value"))).toList();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
