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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v2 consumers with API keys: consume permission is checked for every topic a request names or a read returns. */
class V2ConsumerAuthE2ETest {
  @TempDir
  static Path dir;
  private static TestServer server;
  private static V2ConsumerClient limited;
  private static V2ConsumerClient everything;
  private static V2ConsumerClient writer;
  private static V2ConsumerClient sharedWide;
  private static V2ConsumerClient sharedNarrow;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"limited","key":"LIMITED","permissions":[{"topics":["v2auth-ok-*"],"operations":["consume"]}]},
          {"principal":"everything","key":"ALL","permissions":[{"topics":["*"],"operations":["consume"]}]},
          {"principal":"writer","key":"WRITER","permissions":[{"topics":["*"],"operations":["produce"]}]},
          {"principal":"shared","key":"SHARED-WIDE","permissions":[{"topics":["*"],"operations":["consume"]}]},
          {"principal":"shared","key":"SHARED-NARROW",
           "permissions":[{"topics":["v2auth-ok-*"],"operations":["consume"]}]}
        ]}""");
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    limited = new V2ConsumerClient(server.http(), "LIMITED");
    everything = new V2ConsumerClient(server.http(), "ALL");
    writer = new V2ConsumerClient(server.http(), "WRITER");
    sharedWide = new V2ConsumerClient(server.http(), "SHARED-WIDE");
    sharedNarrow = new V2ConsumerClient(server.http(), "SHARED-NARROW");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void requestsNamingAForbiddenTopicAre403() {
    String allowed = TestKafka.createTopic(TestKafka.uniqueTopic("v2auth-ok"), 1);
    String forbidden = TestKafka.createTopic(TestKafka.uniqueTopic("v2auth-no"), 1);
    String group = TestKafka.uniqueTopic("group");
    assertError(writer.post("/consumers/" + group, quick("binary")), 403, 40301);
    String name = limited.create(group, quick("binary"));
    String base = instance(group, name);

    assertError(limited.post(base + "/subscription", new JsonObject().put("topics", List.of(allowed, forbidden))),
        403, 40301);
    assertError(limited.post(base + "/subscription", new JsonObject().put("topic_pattern", "v2auth-ok-.*")),
        403, 40301);
    assertError(limited.post(base + "/assignments", partitions(forbidden)), 403, 40301);
    limited.assign(group, name, allowed, 0);
    assertError(limited.post(base + "/positions", new JsonObject().put("offsets", new JsonArray()
        .add(partition(forbidden, 0).put("offset", 0)))), 403, 40301);
    assertError(limited.post(base + "/positions/beginning", partitions(forbidden)), 403, 40301);
    assertError(limited.post(base + "/positions/end", partitions(forbidden)), 403, 40301);
    assertError(limited.post(base + "/offsets", new JsonObject().put("offsets", new JsonArray()
        .add(partition(forbidden, 0).put("offset", 0)))), 403, 40301);
    assertError(limited.get(base + "/offsets").contentType(V2).body(partitions(forbidden).encode()).send(),
        403, 40301);
    assertThat(TestKafka.committedOffset(group, forbidden, 0)).isEqualTo(-1);

    V2ConsumerClient.noContent(limited.post(base + "/positions/beginning", partitions(allowed)));
    limited.delete(group, name);
  }

  @Test
  void onlyAPrincipalAllowedEveryTopicSubscribesByPattern() {
    String group = TestKafka.uniqueTopic("group");
    String name = everything.create(group, quick("binary"));
    V2ConsumerClient.noContent(everything.post(instance(group, name) + "/subscription",
        new JsonObject().put("topic_pattern", "v2auth-.*")));
    everything.delete(group, name);
  }

  @Test
  void aReadOfRecordsFromAForbiddenTopicIs403AndLosesNothing() {
    String forbidden = TestKafka.createTopic(TestKafka.uniqueTopic("v2auth-no"), 1);
    produce(forbidden, Rec.of(0, null, "secret"));
    String group = TestKafka.uniqueTopic("group");
    // An instance belongs to its principal, whichever of its keys calls; keys of one principal may carry
    // different permissions (a rotation, say). One subscribed through a key that may read the topic ...
    String name = sharedWide.create(group, quick("binary").put("auto.commit.enable", "false"));
    sharedWide.subscribe(group, name, forbidden);

    // ... is read through one that may not: the records are refused to it and kept for the instance.
    Http.Reply refused = Eventually.first(() -> {
      Http.Reply reply = sharedNarrow.readReply(group, name, BINARY, "");
      if (reply.status() != 200) {
        return reply;
      }
      assertThat(reply.array()).isEmpty();
      return null;
    });
    assertThat(refused).isNotNull();
    assertError(refused, 403, 40301);
    assertThat(refused.text()).doesNotContain("secret").doesNotContain("c2VjcmV0");

    List<JsonObject> got = sharedWide.readUntil(group, name, BINARY, "", 1);
    assertThat(fromBase64(got.get(0).getString("value"))).isEqualTo("secret");
    sharedWide.delete(group, name);
  }

  private static JsonObject partitions(String topic) {
    return new JsonObject().put("partitions", new JsonArray().add(partition(topic, 0)));
  }
}
