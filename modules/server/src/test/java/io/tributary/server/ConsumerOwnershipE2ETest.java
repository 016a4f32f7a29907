package io.tributary.server;

import static io.tributary.server.ConsumerTestData.fromBase64;
import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.partition;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consumer instances belong to the principal that created them: every instance endpoint of v1 and v2, called by
 * another principal, answers exactly what it answers for an instance that does not exist (404 40403, same content
 * type, same body), and leaves the instance as it was.
 */
class ConsumerOwnershipE2ETest {
  private static final String ALICE = "alice-key";
  private static final String BOB = "bob-key";
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;
  private static V2ConsumerClient alice;
  private static V2ConsumerClient bob;

  /** One instance endpoint: how to call it on an instance path. */
  private record Endpoint(String name, BiFunction<Http, String, Http.Call> call) {}

  @BeforeAll
  static void start() throws IOException {
    // bob may consume every topic: nothing but ownership stands between him and alice's instances.
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"alice","key":"%s","permissions":[{"topics":["own-*"],"operations":["consume"]}]},
          {"principal":"bob","key":"%s","permissions":[{"topics":["*"],"operations":["consume"]}]}
        ]}""".formatted(ALICE, BOB));
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    http = server.http();
    alice = new V2ConsumerClient(http, ALICE);
    bob = new V2ConsumerClient(http, BOB);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyV2InstanceEndpointAnswersAnotherPrincipalAsForAMissingInstance() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("own-v2"), 1);
    produce(topic, Rec.of(0, null, "first"), Rec.of(0, null, "second"));
    String group = TestKafka.uniqueTopic("group");
    String name = alice.create(group, quick("binary").put("name", "c1").put("auto.commit.enable", "false"));
    alice.subscribe(group, name, topic);
    assertThat(alice.readUntil(group, name, BINARY, "", 2)).extracting(r -> fromBase64(r.getString("value")))
        .containsExactly("first", "second");

    for (Endpoint endpoint : v2Endpoints(topic)) {
      assertAnswersAsMissing(endpoint, group, name);
    }

    // Untouched: still alice's, still subscribed to her topic, nothing committed, no position moved.
    assertThat(alice.get(instance(group, name) + "/subscription").accept(V2).send().json().getJsonArray("topics"))
        .containsExactly(topic);
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(-1);
    produce(topic, Rec.of(0, null, "third"));
    assertThat(alice.readUntil(group, name, BINARY, "", 1)).extracting(r -> fromBase64(r.getString("value")))
        .containsExactly("third");
    Http.Reply commit = alice.post(instance(group, name) + "/offsets", null);
    assertThat(commit.status()).as("%s", commit).isEqualTo(200);
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(3);

    // bob's create of the same name tells him nothing: he gets an instance of his own beside alice's.
    assertThat(bob.create(group, quick("binary").put("name", "c1"))).isEqualTo("c1");
    assertThat(bob.get(instance(group, name) + "/subscription").accept(V2).send().json().getJsonArray("topics"))
        .isEmpty();
    bob.delete(group, name);
    assertThat(alice.get(instance(group, name) + "/subscription").accept(V2).send().json().getJsonArray("topics"))
        .containsExactly(topic);
    alice.delete(group, name);
    assertError(alice.get(instance(group, name) + "/subscription").accept(V2).send(), 404, 40403);
  }

  @Test
  void everyV1InstanceEndpointAnswersAnotherPrincipalAsForAMissingInstance() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("own-v1"), 1);
    produce(topic, Rec.of(0, null, "first"), Rec.of(0, null, "second"));
    String group = TestKafka.uniqueTopic("group");
    Http.Reply created = http.post("/consumers/" + group).header("X-Auth-Token", ALICE).contentType(V1).accept(V1)
        .body(new JsonObject().put("name", "c1").put("format", "binary").put("auto.offset.reset", "smallest")
            .put("consumer.request.timeout.ms", 300).encode()).send();
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String name = created.json().getString("instance_id");
    assertThat(v1ReadUntil(group, name, topic, 2)).containsExactly("first", "second");

    for (Endpoint endpoint : v1Endpoints(topic)) {
      assertAnswersAsMissing(endpoint, group, name);
    }

    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(-1);
    produce(topic, Rec.of(0, null, "third"));
    assertThat(v1ReadUntil(group, name, topic, 1)).containsExactly("third");
    Http.Reply commit = http.post(instance(group, name) + "/offsets").header("X-Auth-Token", ALICE).accept(V1)
        .send();
    assertThat(commit.status()).as("%s", commit).isEqualTo(200);
    assertThat(commit.array()).hasSize(1);
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(3);
    Http.Reply deleted = http.delete(instance(group, name)).header("X-Auth-Token", ALICE).accept(V1).send();
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
  }

  /** bob on alice's instance and bob on a name nobody created get the same 404 40403, byte for byte. */
  private static void assertAnswersAsMissing(Endpoint endpoint, String group, String name) {
    Http.Reply onAlices = endpoint.call().apply(http, instance(group, name)).header("X-Auth-Token", BOB).send();
    Http.Reply onMissing = endpoint.call().apply(http, instance(group, "no-such-instance"))
        .header("X-Auth-Token", BOB).send();
    assertError(onMissing, 404, 40403);
    assertError(onAlices, 404, 40403);
    assertThat(onAlices.contentType()).as(endpoint.name()).isEqualTo(onMissing.contentType());
    assertThat(onAlices.text()).as(endpoint.name()).isEqualTo(onMissing.text());
  }

  private static List<Endpoint> v2Endpoints(String topic) {
    String partitions = new JsonObject().put("partitions", new JsonArray().add(partition(topic, 0))).encode();
    String offsets = new JsonObject().put("offsets", new JsonArray().add(partition(topic, 0).put("offset", 0)))
        .encode();
    return List.of(
        new Endpoint("GET records", (h, i) -> h.get(i + "/records?timeout=100").accept(BINARY)),
        new Endpoint("POST offsets (all consumed)", (h, i) -> h.post(i + "/offsets").contentType(V2).accept(V2)),
        new Endpoint("POST offsets (explicit)", (h, i) -> h.post(i + "/offsets").contentType(V2).body(offsets)),
        new Endpoint("GET offsets", (h, i) -> h.get(i + "/offsets").contentType(V2).body(partitions)),
        new Endpoint("POST subscription", (h, i) -> h.post(i + "/subscription").contentType(V2)
            .body(new JsonObject().put("topics", new JsonArray().add(topic)).encode())),
        new Endpoint("GET subscription", (h, i) -> h.get(i + "/subscription").accept(V2)),
        new Endpoint("DELETE subscription", (h, i) -> h.delete(i + "/subscription").accept(V2)),
        new Endpoint("POST assignments", (h, i) -> h.post(i + "/assignments").contentType(V2).body(partitions)),
        new Endpoint("GET assignments", (h, i) -> h.get(i + "/assignments").accept(V2)),
        new Endpoint("POST positions", (h, i) -> h.post(i + "/positions").contentType(V2).body(offsets)),
        new Endpoint("POST positions/beginning",
            (h, i) -> h.post(i + "/positions/beginning").contentType(V2).body(partitions)),
        new Endpoint("POST positions/end", (h, i) -> h.post(i + "/positions/end").contentType(V2).body(partitions)),
        new Endpoint("DELETE instance", (h, i) -> h.delete(i).accept(V2)));
  }

  private static List<Endpoint> v1Endpoints(String topic) {
    return List.of(
        new Endpoint("v1 GET topics/{topic}", (h, i) -> h.get(i + "/topics/" + topic).accept(V1_BINARY)),
        new Endpoint("v1 POST offsets", (h, i) -> h.post(i + "/offsets").accept(V1)),
        new Endpoint("v1 DELETE instance", (h, i) -> h.delete(i).accept(V1)));
  }

  /** alice's v1 reads until {@code expected} records arrived (the group may take a moment to form). */
  private static List<String> v1ReadUntil(String group, String name, String topic, int expected) {
    return Eventually.collect(() -> {
      Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic).header("X-Auth-Token", ALICE)
          .accept(V1_BINARY).send();
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return V2ConsumerClient.objects(reply.array()).stream().map(r -> fromBase64(r.getString("value"))).toList();
    }, expected);
  }
}
