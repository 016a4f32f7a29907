package io.tributary.server;

import static io.tributary.server.ConsumerTestData.fromBase64;
import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v2 consumer instances: creation, deletion, media types, and instances shared with v1. */
class V2ConsumerLifecycleE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";

  private static Http http;
  private static V2ConsumerClient v2;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
    v2 = new V2ConsumerClient(http);
  }

  @Test
  void aNamedInstanceGetsAnAbsoluteBaseUriInTheV2Type() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply reply = v2.post("/consumers/" + group, new JsonObject().put("name", "my consumer")
        .put("format", "binary").put("auto.offset.reset", "earliest").put("auto.commit.enable", "false"));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.json().getString("instance_id")).isEqualTo("my consumer");
    assertThat(reply.json().getString("base_uri"))
        .isEqualTo(http.baseUrl() + "/consumers/" + group + "/instances/my%20consumer");
    v2.delete(group, "my%20consumer");
  }

  @Test
  void everyCreationSettingAndAliasIsTaken() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply generated = v2.post("/consumers/" + group, null);
    assertThat(generated.status()).as("%s", generated).isEqualTo(200);
    assertThat(generated.json().getString("instance_id")).startsWith("rest-consumer-");

    Http.Reply aliases = v2.post("/consumers/" + group, new JsonObject().put("name", "aliased").put("format", "json")
        .put("auto.offset.reset", "none").put("responseMinBytes", 10).put("requestWaitMs", "500"));
    assertThat(aliases.status()).as("%s", aliases).isEqualTo(200);

    Http.Reply id = v2.post("/consumers/" + group, new JsonObject().put("id", "old-style").put("name", "ignored"));
    assertThat(id.json().getString("instance_id")).isEqualTo("old-style");
    assertError(v2.post("/consumers/" + group, new JsonObject().put("name", "old-style")), 409, 40902);

    v2.delete(group, generated.json().getString("instance_id"));
    v2.delete(group, "aliased");
    v2.delete(group, "old-style");
  }

  @Test
  void badCreationRequestsAreRejected() {
    String path = "/consumers/" + TestKafka.uniqueTopic("group");
    Http.Reply badFormat = v2.post(path, new JsonObject().put("format", "xml"));
    assertError(badFormat, 422, 422);
    assertThat(badFormat.json().getString("message")).isEqualTo("Invalid format type.");
    assertError(v2.post(path, new JsonObject().put("fetch.min.bytes", 10_000_001)), 422, 40001);
    assertError(v2.post(path, new JsonObject().put("fetch.min.bytes", -2)), 422, 40001);
    assertError(v2.post(path, new JsonObject().put("responseMinBytes", "lots")), 422, 40001);
    assertError(v2.post(path, new JsonObject().put("consumer.request.timeout.ms", -5)), 422, 40001);
    // v2 speaks the new consumer's offset resets only.
    assertError(v2.post(path, new JsonObject().put("auto.offset.reset", "smallest")), 422, 42204);
    assertError(v2.post(path, new JsonObject().put("auto.commit.enable", "sometimes")), 422, 42204);
    assertError(v2.post(path, new JsonObject().put("colour", "blue")), 422, 422);
    assertError(http.post(path).contentType(V2).body("{not json").send(), 400, 400);

    Http.Reply wrongType = http.post(path).contentType("text/plain").body("{}").send();
    assertError(wrongType, 415, 415);
  }

  @Test
  void errorsOfV2RequestsAreV2Shaped() {
    Http.Reply reply = http.post("/consumers/" + TestKafka.uniqueTopic("group")).contentType(V2).accept(V2)
        .body("{\"format\":\"xml\"}").send();
    assertError(reply, 422, 422);
    assertThat(reply.contentType()).isEqualTo(V2);
    Http.Reply anyAccept = http.get(instance("g", "nobody") + "/subscription").accept(V2 + ", */*;q=0.1").send();
    assertError(anyAccept, 404, 40403);
  }

  @Test
  void anErrorComesInTheAcceptedTypeWhenOnlyThatIsAccepted() {
    // As kafka-rest (Jersey writes the error entity in the type negotiated for the resource method).
    Http.Reply read = http.get(instance("g", "nobody") + "/records").accept(BINARY).send();
    assertError(read, 404, 40403);
    assertThat(read.contentType()).isEqualTo(BINARY);
    assertThat(read.json().getString("message")).isEqualTo("Consumer instance not found.");
    // A type of the error renderer's own still wins when the client accepts it.
    Http.Reply either = http.get(instance("g", "nobody") + "/records").accept(BINARY + ", application/json;q=0.1")
        .send();
    assertError(either, 404, 40403);
    assertThat(either.contentType()).isEqualTo("application/json");
  }

  @Test
  void aDeletedOrUnknownInstanceIs40403ForEveryEndpoint() {
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    V2ConsumerClient.noContent(v2.delete(instance(group, name)).send());

    String base = instance(group, name);
    JsonObject partitions = new JsonObject().put("partitions",
        new io.vertx.core.json.JsonArray().add(V2ConsumerClient.partition("t", 0)));
    assertError(v2.post(base + "/subscription", new JsonObject().put("topics", List.of("t"))), 404, 40403);
    assertError(v2.get(base + "/subscription").send(), 404, 40403);
    assertError(v2.delete(base + "/subscription").send(), 404, 40403);
    assertError(v2.post(base + "/assignments", partitions), 404, 40403);
    assertError(v2.get(base + "/assignments").send(), 404, 40403);
    assertError(v2.post(base + "/positions", new JsonObject().put("offsets", List.of())), 404, 40403);
    assertError(v2.post(base + "/positions/beginning", partitions), 404, 40403);
    assertError(v2.post(base + "/positions/end", partitions), 404, 40403);
    assertError(v2.post(base + "/offsets", null), 404, 40403);
    assertError(http.get(base + "/offsets").contentType(V2).body(partitions.encode()).send(), 404, 40403);
    assertError(v2.get(base + "/records").accept(BINARY).send(), 404, 40403);
    assertError(v2.delete(base).send(), 404, 40403);
  }

  @Test
  void unsupportedMediaTypesAre415And406() {
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    Http.Reply textBody = http.post(instance(group, name) + "/subscription").contentType("text/plain")
        .body("{\"topics\":[\"t\"]}").send();
    assertError(textBody, 415, 415);
    Http.Reply textAccept = v2.get(instance(group, name) + "/records").accept("text/plain").send();
    assertThat(textAccept.status()).isEqualTo(406);
    assertThat(textAccept.bytes()).isEmpty();
    v2.delete(group, name);
  }

  @Test
  void unversionedTypesWorkOnV2Endpoints() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-unversioned"), 1);
    produce(topic, Rec.of(0, "k", "v"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));

    Http.Reply subscribe = http.post(instance(group, name) + "/subscription").contentType("application/json")
        .body(new JsonObject().put("topics", List.of(topic)).encode()).send();
    V2ConsumerClient.noContent(subscribe);
    Http.Reply noTypes = http.post(instance(group, name) + "/subscription")
        .body(new JsonObject().put("topics", List.of(topic)).encode()).send();
    V2ConsumerClient.noContent(noTypes);
    Http.Reply subscription = http.get(instance(group, name) + "/subscription").accept("application/json").send();
    assertThat(subscription.contentType()).isEqualTo("application/json");
    assertThat(subscription.json().getJsonArray("topics")).containsExactly(topic);

    List<JsonObject> records = v2.readUntil(group, name, "application/json", "", 1);
    assertThat(fromBase64(records.get(0).getString("value"))).isEqualTo("v");
    Http.Reply generic = v2.readReply(group, name, "application/vnd.kafka+json", "?timeout=100");
    assertThat(generic.status()).isEqualTo(200);
    assertThat(generic.contentType()).isEqualTo("application/vnd.kafka+json");
    v2.delete(group, name);
  }

  @Test
  void anInstanceCreatedThroughV1IsReadThroughV2() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-from-v1"), 1);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"));
    String group = TestKafka.uniqueTopic("group");
    Http.Reply created = http.post("/consumers/" + group).contentType(V1).accept(V1).body(new JsonObject()
        .put("format", "binary").put("auto.offset.reset", "smallest").put("consumer.request.timeout.ms", 2_000)
        .put("fetch.min.bytes", 0).encode()).send();
    assertThat(created.contentType()).isEqualTo(V1);
    String name = created.json().getString("instance_id");

    v2.subscribe(group, name, topic);
    List<JsonObject> records = v2.readUntil(group, name, BINARY, "", 2);
    assertThat(records).extracting(r -> fromBase64(r.getString("value"))).containsExactly("a", "b");

    // v1's commit on the same instance answers in v1's shape, and the group's offset is what v2 sees.
    Http.Reply v1Commit = http.post(instance(group, name) + "/offsets").contentType(V1).send();
    assertThat(v1Commit.array()).containsExactly(new JsonObject().put("topic", topic).put("partition", 0)
        .put("consumed", 1).put("committed", 1));
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(2);
    http.delete(instance(group, name)).accept(V1).send();
  }

  @Test
  void anInstanceCreatedThroughV2IsReadThroughV1WhenSubscribedToThatTopic() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-from-v2"), 1);
    String other = TestKafka.createTopic(TestKafka.uniqueTopic("v1-from-v2-other"), 1);
    produce(topic, Rec.of(0, null, "x"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    v2.subscribe(group, name, topic);

    List<JsonObject> got = Eventually.collect(() -> {
      Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic).accept(V1_BINARY).send();
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return V2ConsumerClient.objects(reply.array());
    }, 1);
    assertThat(got).extracting(r -> fromBase64(r.getString("value"))).containsExactly("x");
    assertError(http.get(instance(group, name) + "/topics/" + other).accept(V1_BINARY).send(), 409, 40901);
    v2.delete(group, name);
  }
}
