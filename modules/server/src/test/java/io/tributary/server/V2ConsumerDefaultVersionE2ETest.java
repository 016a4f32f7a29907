package io.tributary.server;

import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code api.default.version=v2}, unversioned requests on paths v1 and v2 share get v2's semantics (here: the
 * auto-commit default); and an idle v2 instance expires.
 */
class V2ConsumerDefaultVersionE2ETest {
  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("api.default.version", "v2", "consumer.instance.timeout.ms", "1500"));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUnversionedCreateMakesAV2InstanceThatAutoCommits() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-default"), 1);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"));
    String group = TestKafka.uniqueTopic("group");
    Http.Reply created = http.post("/consumers/" + group).contentType("application/json").body(new JsonObject()
        .put("auto.offset.reset", "earliest").put("consumer.request.timeout.ms", 2_000).put("fetch.min.bytes", 0)
        .encode()).send();
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String name = created.json().getString("instance_id");
    String base = instance(group, name);
    V2ConsumerClient.noContent(http.post(base + "/subscription").contentType("application/json")
        .body(new JsonObject().put("topics", List.of(topic)).encode()).send());

    List<Object> got = Eventually.collect(() -> http.get(base + "/records").send().array(), 2);
    assertThat(got).hasSize(2);
    // v2's commit answer, and v2's default: what was returned is committed when the instance closes.
    Http.Reply commitShape = http.post(base + "/offsets").send();
    assertThat(commitShape.array()).isEmpty();
    V2ConsumerClient.noContent(http.delete(base).send());
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(2);
  }

  @Test
  void anIdleInstanceExpires() throws Exception {
    String group = TestKafka.uniqueTopic("group");
    String name = http.post("/consumers/" + group).send().json().getString("instance_id");
    assertThat(http.get(instance(group, name) + "/subscription").send().status()).isEqualTo(200);

    // Watched without touching the instance (which would keep it alive): its name is free again once it expired.
    String body = new JsonObject().put("name", name).encode();
    Http.Reply again = Eventually.get(
        () -> http.post("/consumers/" + group).contentType(V2ConsumerClient.V2).body(body).send(),
        reply -> reply.status() != 409);
    assertThat(again.status()).as("%s", again).isEqualTo(200);
    V2ConsumerClient.noContent(http.delete(instance(group, name)).send());
  }
}
