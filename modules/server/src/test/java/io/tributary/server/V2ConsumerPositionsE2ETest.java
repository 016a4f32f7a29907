package io.tributary.server;

import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.partition;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v2 manual assignment and seeks: to offsets, to times, to the beginning and the end; and what is illegal. */
class V2ConsumerPositionsE2ETest {
  private static final long T0 = 1_700_000_000_000L;

  private static V2ConsumerClient v2;

  @BeforeAll
  static void server() {
    v2 = new V2ConsumerClient(TestServer.shared().http());
  }

  @Test
  void anAssignedInstanceSeeksToOffsetsTimesAndEdges() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-seek"), 2);
    produce(topic, IntStream.range(0, 4).mapToObj(i -> new Rec(0, null, "r" + i, T0 + i * 1_000L))
        .toArray(Rec[]::new));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    String base = instance(group, name);

    v2.assign(group, name, topic, 0);
    Http.Reply assignments = v2.get(base + "/assignments").send();
    assertThat(assignments.contentType()).isEqualTo(V2);
    assertThat(assignments.json()).isEqualTo(new JsonObject().put("partitions", new JsonArray()
        .add(partition(topic, 0))));
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 4))).containsExactly(0L, 1L, 2L, 3L);

    seek(base, new JsonObject().put("offsets", new JsonArray().add(partition(topic, 0).put("offset", 2))));
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 2))).containsExactly(2L, 3L);

    // The first record at or after the time; a time after every record means the end.
    seek(base, new JsonObject().put("timestamps", new JsonArray().add(partition(topic, 0)
        .put("timestamp", Instant.ofEpochMilli(T0 + 500).toString()))));
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 3))).containsExactly(1L, 2L, 3L);
    seek(base, new JsonObject().put("timestamps", new JsonArray().add(partition(topic, 0)
        .put("timestamp", "2100-01-01T00:00:00+01:00"))));
    assertThat(v2.read(group, name, BINARY, "?timeout=200")).isEmpty();

    noContent(v2.post(base + "/positions/beginning", partitions(topic, 0)));
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 4))).containsExactly(0L, 1L, 2L, 3L);
    noContent(v2.post(base + "/positions/end", partitions(topic, 0)));
    assertThat(v2.read(group, name, BINARY, "?timeout=200")).isEmpty();
    produce(topic, Rec.of(0, null, "after the end"));
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 1))).containsExactly(4L);

    // After a seek, a commit of "everything returned" stores the position sought to.
    seek(base, new JsonObject().put("offsets", new JsonArray().add(partition(topic, 0).put("offset", 1))));
    assertThat(v2.post(base + "/offsets", null).status()).isEqualTo(200);
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(1);
    v2.delete(group, name);
  }

  @Test
  void illegalStatesAre40903AndMoveNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-illegal"), 2);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    String base = instance(group, name);

    Http.Reply nothingToRead = v2.readReply(group, name, BINARY, "");
    assertError(nothingToRead, 409, 40903);

    v2.assign(group, name, topic, 0);
    Http.Reply subscribeWhileAssigned = v2.post(base + "/subscription", new JsonObject().put("topics",
        List.of(topic)));
    assertError(subscribeWhileAssigned, 409, 40903);
    assertThat(subscribeWhileAssigned.json().getString("message")).startsWith("Illegal state: ")
        .contains("mutually exclusive");

    // Partition 1 is not assigned: the whole seek is refused, partition 0 stays where it was.
    Http.Reply seekUnassigned = v2.post(base + "/positions", new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", 1)).add(partition(topic, 1).put("offset", 0))));
    assertError(seekUnassigned, 409, 40903);
    assertThat(seekUnassigned.json().getString("message"))
        .isEqualTo("Illegal state: No current assignment for partition " + topic + "-1");
    assertError(v2.post(base + "/positions/beginning", partitions(topic, 1)), 409, 40903);
    assertError(v2.post(base + "/positions/end", partitions(topic, 1)), 409, 40903);
    assertThat(offsets(v2.readUntil(group, name, BINARY, "", 2))).containsExactly(0L, 1L);

    // Dropping the assignment, then subscribing, then assigning again.
    noContent(v2.delete(base + "/subscription").send());
    assertThat(v2.get(base + "/assignments").send().json().getJsonArray("partitions")).isEmpty();
    v2.subscribe(group, name, topic);
    assertError(v2.post(base + "/assignments", partitions(topic, 0)), 409, 40903);
    v2.delete(group, name);
  }

  @Test
  void badPositionRequestsAreRejected() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-bad-seek"), 1);
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    String base = instance(group, name);
    v2.assign(group, name, topic, 0);

    assertError(v2.post(base + "/positions", null), 422, 422);
    assertError(v2.post(base + "/positions", new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", -1)))), 422, 422);
    assertError(v2.post(base + "/positions", new JsonObject().put("timestamps", new JsonArray()
        .add(partition(topic, 0).put("timestamp", 1_700_000_000)))), 400, 400);
    assertError(v2.post(base + "/positions", new JsonObject().put("offsets", new JsonArray()
        .add(new JsonObject().put("partition", 0).put("offset", 1)))), 422, 422);
    assertError(v2.post(base + "/positions", new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", "two")))), 400, 400);
    assertError(v2.post(base + "/positions/end", new JsonObject()), 422, 422);
    assertError(v2.post(base + "/assignments", new JsonObject().put("partitions", new JsonArray()
        .add(new JsonObject().put("topic", topic).put("partition", -1)))), 422, 422);
    assertError(v2.post(base + "/assignments", new JsonObject().put("partitions", new JsonArray()
        .add(partition(topic, 0).put("extra", true)))), 422, 422);
    v2.delete(group, name);
  }

  private static void seek(String base, JsonObject body) {
    noContent(v2.post(base + "/positions", body));
  }

  private static JsonObject partitions(String topic, int partition) {
    return new JsonObject().put("partitions", new JsonArray().add(partition(topic, partition)));
  }

  private static void noContent(Http.Reply reply) {
    V2ConsumerClient.noContent(reply);
  }

  private static List<Long> offsets(List<JsonObject> records) {
    return records.stream().map(r -> r.getLong("offset")).toList();
  }
}
