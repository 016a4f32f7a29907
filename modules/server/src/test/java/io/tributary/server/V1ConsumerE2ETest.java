package io.tributary.server;

import static io.tributary.server.ConsumerTestData.base64;
import static io.tributary.server.ConsumerTestData.fromBase64;
import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v1 high-level consumer instances over the consumer engine, against the real broker. */
class V1ConsumerE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String JSON_EMBEDDED = "application/vnd.kafka.json.v1+json";

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @Test
  void aNamedInstanceGetsAnAbsoluteBaseUri() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply reply = http.post("/consumers/" + group).contentType(V1).accept(V1)
        .body(new JsonObject().put("name", "my_consumer").put("format", "binary")
            .put("auto.offset.reset", "smallest").put("auto.commit.enable", "false").encode())
        .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    assertThat(reply.json().getString("instance_id")).isEqualTo("my_consumer");
    assertThat(reply.json().getString("base_uri"))
        .isEqualTo(http.baseUrl() + "/consumers/" + group + "/instances/my_consumer");
    delete(group, "my_consumer");
  }

  @Test
  void anEmptyBodyGetsAGeneratedName() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply reply = http.post("/consumers/" + group).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String name = reply.json().getString("instance_id");
    assertThat(name).startsWith("rest-consumer-");
    assertThat(reply.json().getString("base_uri")).endsWith("/consumers/" + group + "/instances/" + name);
    delete(group, name);
  }

  @Test
  void theDeprecatedIdNamesTheInstance() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply reply = http.post("/consumers/" + group).contentType("application/json")
        .body("{\"id\":\"old-style\",\"name\":\"ignored\"}").send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getString("instance_id")).isEqualTo("old-style");
    delete(group, "old-style");
  }

  @Test
  void aTakenNameIsAConflict() {
    String group = TestKafka.uniqueTopic("group");
    create(group, new JsonObject().put("name", "twice"));
    assertError(http.post("/consumers/" + group).contentType(V1).body("{\"name\":\"twice\"}").send(), 409, 40902);
    delete(group, "twice");
  }

  @Test
  void badCreationRequestsAreRejected() {
    String group = TestKafka.uniqueTopic("group");
    Http.Reply badFormat = post(group, new JsonObject().put("format", "xml"));
    assertError(badFormat, 422, 422);
    assertThat(badFormat.json().getString("message")).isEqualTo("Invalid format type.");
    // v1 knew binary, json and avro; the newer schema formats are v2's.
    assertError(post(group, new JsonObject().put("format", "protobuf")), 422, 422);
    assertError(post(group, new JsonObject().put("fetch.min.bytes", 20_000_000)), 422, 40001);
    assertError(post(group, new JsonObject().put("fetch.min.bytes", "lots")), 422, 40001);
    assertError(post(group, new JsonObject().put("auto.offset.reset", "middle")), 422, 42204);
    assertError(post(group, new JsonObject().put("auto.commit.enable", "sometimes")), 422, 42204);
    assertError(post(group, new JsonObject().put("colour", "blue")), 422, 422);
    assertError(http.post("/consumers/" + group).contentType(V1).body("{not json").send(), 400, 400);

    Http.Reply wrongType = http.post("/consumers/" + group).contentType("text/plain").body("{}").send();
    assertError(wrongType, 415, 415);
  }

  @Test
  void aBinaryReadFromSmallestReturnsEveryRecordOnce() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-read"), 2);
    produce(topic, Rec.of(0, "k0", "v0"), Rec.of(1, "k1", "v1"), Rec.of(0, null, "v2"), Rec.of(1, "k3", "v3"),
        Rec.of(0, "k4", "v4"), Rec.of(1, "k5", "v5"));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));

    List<JsonObject> records = readUntil(group, name, topic, BINARY, "", 6);

    assertThat(records).extracting(r -> fromBase64(r.getString("value")))
        .containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5");
    JsonObject v2 = records.stream().filter(r -> fromBase64(r.getString("value")).equals("v2")).findFirst()
        .orElseThrow();
    assertThat(v2.containsKey("key")).isTrue();
    assertThat(v2.getValue("key")).isNull();
    assertThat(v2.getString("topic")).isEqualTo(topic);
    assertThat(v2.getInteger("partition")).isZero();
    assertThat(v2.getLong("offset")).isEqualTo(1);
    JsonObject v3 = records.stream().filter(r -> fromBase64(r.getString("value")).equals("v3")).findFirst()
        .orElseThrow();
    assertThat(v3.getString("key")).isEqualTo(base64("k3"));
    assertThat(readOnce(group, name, topic, BINARY, "")).isEmpty();
    delete(group, name);
  }

  @Test
  void aJsonInstanceRendersStoredJson() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-json"), 1);
    produce(topic, Rec.of(0, "\"a\"", "{\"n\":1}"), Rec.of(0, null, "[true,null]"));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("json"));

    List<JsonObject> records = readUntil(group, name, topic, JSON_EMBEDDED, "", 2);

    assertThat(records.get(0).getString("key")).isEqualTo("a");
    assertThat(records.get(0).getJsonObject("value")).isEqualTo(new JsonObject().put("n", 1));
    assertThat(records.get(1).getValue("key")).isNull();
    assertThat(records.get(1).getJsonArray("value")).isEqualTo(new JsonArray().add(true).addNull());
    delete(group, name);
  }

  @Test
  void aSmallMaxBytesSpreadsRecordsOverReadsWithoutLosingAny() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-max-bytes"), 1);
    produce(topic, IntStream.range(0, 10).mapToObj(i -> Rec.of(0, null, "value-" + String.format("%04d", i)))
        .toArray(Rec[]::new));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));

    List<Long> offsets = Eventually.collect(() -> {
      JsonArray batch = readOnce(group, name, topic, BINARY, "?max_bytes=25");
      // Every value is 10 bytes: at most two fit in 25.
      assertThat(batch.size()).isLessThanOrEqualTo(2);
      return V2ConsumerClient.objects(batch).stream().map(o -> o.getLong("offset")).toList();
    }, 10);

    assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(readOnce(group, name, topic, BINARY, "?max_bytes=25")).isEmpty();

    // A record larger than max_bytes still comes, alone, rather than blocking its partition forever.
    produce(topic, Rec.of(0, null, "value-0010"), Rec.of(0, null, "value-0011"));
    assertThat(readUntil(group, name, topic, BINARY, "?max_bytes=3", 1)).extracting(r -> r.getLong("offset"))
        .containsExactly(10L);
    assertThat(readUntil(group, name, topic, BINARY, "?max_bytes=3", 1)).extracting(r -> r.getLong("offset"))
        .containsExactly(11L);
    delete(group, name);
  }

  @Test
  void askingForAnotherFormatThanTheInstancesIs40601() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-mismatch"), 1);
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));
    Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic).accept(JSON_EMBEDDED).send();
    assertError(reply, 406, 40601);
    assertError(http.get(instance(group, name) + "/topics/" + topic).accept("application/vnd.kafka.avro.v1+json")
        .send(), 406, 40601);
    delete(group, name);
  }

  @Test
  void aSecondTopicCannotBeAddedOnceSubscribed() {
    String first = TestKafka.createTopic(TestKafka.uniqueTopic("v1-first"), 1);
    String second = TestKafka.createTopic(TestKafka.uniqueTopic("v1-second"), 1);
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));
    assertThat(readOnce(group, name, first, BINARY, "")).isEmpty();

    Http.Reply reply = http.get(instance(group, name) + "/topics/" + second).accept(BINARY).send();
    assertError(reply, 409, 40901);
    assertThat(readOnce(group, name, first, BINARY, "")).isEmpty();
    delete(group, name);
  }

  @Test
  void readingAMissingTopicOrInstanceIsNotFound() {
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));
    assertError(http.get(instance(group, name) + "/topics/" + TestKafka.uniqueTopic("missing")).accept(BINARY)
        .send(), 404, 40401);
    assertError(http.get(instance(group, "nobody") + "/topics/whatever").accept(BINARY).send(), 404, 40403);
    delete(group, name);
  }

  @Test
  void commitStoresTheOffsetAfterTheLastReturnedRecord() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-commit"), 1);
    produce(topic, IntStream.range(0, 5).mapToObj(i -> Rec.of(0, null, "r" + i)).toArray(Rec[]::new));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));
    readUntil(group, name, topic, BINARY, "", 5);

    Http.Reply reply = http.post(instance(group, name) + "/offsets").contentType(V1).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    assertThat(reply.array()).containsExactly(new JsonObject().put("topic", topic).put("partition", 0)
        .put("consumed", 4).put("committed", 4));
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(5);
    delete(group, name);

    // A new instance in the group resumes after the commit.
    produce(topic, Rec.of(0, null, "after"));
    String next = create(group, fast("binary"));
    List<JsonObject> rest = readUntil(group, next, topic, BINARY, "", 1);
    assertThat(rest).extracting(r -> r.getLong("offset")).containsExactly(5L);
    delete(group, next);
  }

  @Test
  void autoCommitCommitsWhatWasReturnedWhenTheInstanceCloses() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-auto-commit"), 1);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"), Rec.of(0, null, "c"));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary").put("auto.commit.enable", "true"));
    readUntil(group, name, topic, BINARY, "", 3);

    delete(group, name);

    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(3);
  }

  @Test
  void anIdleMemberDoesNotStallItsGroupsRebalance() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-rebalance"), 2);
    produce(topic, Rec.of(0, null, "p0-a"), Rec.of(1, null, "p1-a"));
    String group = TestKafka.uniqueTopic("group");
    String first = create(group, fast("binary"));
    readUntil(group, first, topic, BINARY, "", 2);
    assertThat(http.post(instance(group, first) + "/offsets").send().status()).isEqualTo(200);
    produce(topic, Rec.of(0, null, "p0-b"), Rec.of(1, null, "p1-b"), Rec.of(0, null, "p0-c"),
        Rec.of(1, null, "p1-c"));

    // The first member is not read from while the second joins; the group still hands the second a partition.
    String second = create(group, fast("binary"));
    List<JsonObject> secondGot = readUntil(group, second, topic, BINARY, "", 2);
    int secondPartition = secondGot.get(0).getInteger("partition");
    assertThat(secondGot).allSatisfy(r -> assertThat(r.getInteger("partition")).isEqualTo(secondPartition));

    List<JsonObject> firstGot = readUntil(group, first, topic, BINARY, "", 2);
    assertThat(firstGot).allSatisfy(r -> assertThat(r.getInteger("partition")).isEqualTo(1 - secondPartition));
    assertThat(readOnce(group, first, topic, BINARY, "")).isEmpty();
    assertThat(readOnce(group, second, topic, BINARY, "")).isEmpty();
    delete(group, first);
    delete(group, second);
  }

  @Test
  void aDeletedInstanceIsGoneForEveryOperation() {
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("binary"));

    Http.Reply deleted = http.delete(instance(group, name)).send();
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.bytes()).isEmpty();

    assertError(http.get(instance(group, name) + "/topics/any").accept(BINARY).send(), 404, 40403);
    assertError(http.post(instance(group, name) + "/offsets").send(), 404, 40403);
    assertError(http.delete(instance(group, name)).send(), 404, 40403);
  }

  @Test
  void aReadInProgressEndsWhenItsInstanceIsDeleted() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-quiet"), 1);
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, new JsonObject().put("consumer.request.timeout.ms",
        CreateConsumer.MAX_REQUEST_TIMEOUT_MS));
    CompletableFuture<Http.Reply> read = CompletableFuture.supplyAsync(
        () -> http.get(instance(group, name) + "/topics/" + topic).accept(BINARY).send());
    // v1 subscribes on the first read, so the instance joins its group only inside that read's polls; the read
    // can only end by its (five-minute) timeout, answering [], or by the delete.
    assertThat(Eventually.get(() -> ConsumerGroups.hasMember(group), joined -> joined))
        .as("the read is polling (its instance joined the group)").isTrue();
    assertThat(read).isNotDone();

    assertThat(http.delete(instance(group, name)).send().status()).isEqualTo(204);

    // The topic is empty, so the read ends with "instance not found", not with the [] of its timeout.
    assertError(read.get(), 404, 40403);
  }

  @Test
  void aJsonInstanceFailsOnBytesThatAreNotJsonWithoutLosingThem() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-not-json"), 1);
    produce(topic, Rec.of(0, null, "this is not json"));
    String group = TestKafka.uniqueTopic("group");
    String name = create(group, fast("json"));

    Http.Reply failure = Eventually.first(() -> {
      Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic).accept(JSON_EMBEDDED).send();
      if (reply.status() != 200) {
        return reply;
      }
      assertThat(reply.array()).isEmpty();
      return null;
    });
    assertThat(failure).isNotNull();
    assertError(failure, 500, 50002);
    // The record went back to the instance: the next read meets it again instead of skipping it.
    assertError(http.get(instance(group, name) + "/topics/" + topic).accept(JSON_EMBEDDED).send(), 500, 50002);
    Http.Reply commit = http.post(instance(group, name) + "/offsets").send();
    assertThat(commit.array()).isEmpty();
    delete(group, name);
  }

  @Test
  void anIdleInstanceExpires() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-expiry"), 1);
    produce(topic, Rec.of(0, null, "joined"));
    // Five idle seconds: the reads below touch the instance far more often than that, even on a busy machine.
    try (TestServer server = TestServer.start(Map.of("consumer.instance.timeout.ms", "5000"))) {
      Http own = server.http();
      String group = TestKafka.uniqueTopic("group");
      String name = own.post("/consumers/" + group).contentType(V1).body(fast("binary").encode()).send().json()
          .getString("instance_id");
      // Reading until a record arrives proves the instance joined its group.
      List<JsonObject> got = Eventually.collect(() -> V2ConsumerClient.objects(
          own.get(instance(group, name) + "/topics/" + topic).accept(BINARY).send().array()), 1);
      assertThat(got).hasSize(1);

      // Watch the group from Kafka's side, without touching the instance (which would keep it alive).
      boolean left = Eventually.get(() -> groupMembers(group).isEmpty(), empty -> empty);
      assertThat(left).as("the expired instance left its group").isTrue();
      assertError(own.get(instance(group, name) + "/topics/" + topic).accept(BINARY).send(), 404, 40403);
    }
  }

  private static JsonObject fast(String format) {
    // A short wait per read keeps the tests quick; first reads loop until the group has assigned partitions.
    return new JsonObject().put("format", format).put("auto.offset.reset", "smallest")
        .put("consumer.request.timeout.ms", 300);
  }

  private static String instance(String group, String name) {
    return "/consumers/" + group + "/instances/" + name;
  }

  private static Http.Reply post(String group, JsonObject body) {
    return http.post("/consumers/" + group).contentType(V1).body(body.encode()).send();
  }

  private static String create(String group, JsonObject body) {
    Http.Reply reply = post(group, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getString("instance_id");
  }

  private static void delete(String group, String name) {
    assertThat(http.delete(instance(group, name)).send().status()).isEqualTo(204);
  }

  private static JsonArray readOnce(String group, String name, String topic, String accept, String query) {
    Http.Reply reply = http.get(instance(group, name) + "/topics/" + topic + query).accept(accept).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(accept);
    return reply.array();
  }

  /** Reads until {@code expected} records arrived (the first reads may come back empty while the group forms). */
  private static List<JsonObject> readUntil(String group, String name, String topic, String accept, String query,
      int expected) {
    List<JsonObject> all = Eventually.collect(() -> V2ConsumerClient.objects(readOnce(group, name, topic, accept,
        query)), expected);
    assertThat(all).hasSize(expected);
    return all;
  }

  private static java.util.Collection<org.apache.kafka.clients.admin.MemberDescription> groupMembers(String group) {
    try {
      return TestKafka.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
          .get(30, TimeUnit.SECONDS).members();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
