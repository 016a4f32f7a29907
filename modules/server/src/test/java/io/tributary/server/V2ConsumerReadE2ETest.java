package io.tributary.server;

import static io.tributary.server.ConsumerTestData.base64;
import static io.tributary.server.ConsumerTestData.fromBase64;
import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.JSON;
import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.partition;
import static io.tributary.testkit.V2ConsumerClient.quick;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v2 subscriptions, record reads and commits over the consumer engine, against the real broker. */
class V2ConsumerReadE2ETest {
  private static Http http;
  private static V2ConsumerClient v2;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
    v2 = new V2ConsumerClient(http);
  }

  @Test
  void theFirstReadAfterSubscribingWaitsForTheGroupInsteadOfAnsweringEmpty() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-first-read"), 2);
    produce(topic, Rec.of(0, "k0", "v0"), Rec.of(1, "k1", "v1"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary").put("consumer.request.timeout.ms", 15_000));
    v2.subscribe(group, name, topic);

    Http.Reply first = v2.readReply(group, name, BINARY, "");

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo(BINARY);
    assertThat(first.array()).isNotEmpty();
    JsonObject record = first.array().getJsonObject(0);
    // Without include, exactly the original's fields.
    assertThat(record.fieldNames()).containsExactlyInAnyOrder("topic", "key", "value", "partition", "offset");
    assertThat(record.getString("topic")).isEqualTo(topic);
    assertThat(fromBase64(record.getString("key"))).isEqualTo("k" + record.getInteger("partition"));
    v2.delete(group, name);
  }

  @Test
  void subscriptionsAreReplacedListedAndDropped() {
    String first = TestKafka.createTopic(TestKafka.uniqueTopic("v2-sub-a"), 1);
    String second = TestKafka.createTopic(TestKafka.uniqueTopic("v2-sub-b"), 1);
    produce(first, Rec.of(0, null, "from-first"));
    produce(second, Rec.of(0, null, "from-second"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    String subscription = instance(group, name) + "/subscription";

    assertThat(v2.get(subscription).send().json().getJsonArray("topics")).isEmpty();
    v2.subscribe(group, name, first);
    // topics wins over topic_pattern, and replaces the previous subscription.
    V2ConsumerClient.noContent(v2.post(subscription, new JsonObject().put("topics", List.of(second))
        .put("topic_pattern", "nothing-matches-this")));
    Http.Reply listed = v2.get(subscription).send();
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.contentType()).isEqualTo(V2);
    assertThat(listed.json()).isEqualTo(new JsonObject().put("topics", new JsonArray().add(second)));
    assertThat(v2.readUntil(group, name, BINARY, "", 1)).extracting(r -> fromBase64(r.getString("value")))
        .containsExactly("from-second");

    V2ConsumerClient.noContent(v2.delete(subscription).send());
    assertThat(v2.get(subscription).send().json().getJsonArray("topics")).isEmpty();
    Http.Reply unsubscribedRead = v2.readReply(group, name, BINARY, "");
    assertError(unsubscribedRead, 409, 40903);
    assertThat(unsubscribedRead.json().getString("message"))
        .isEqualTo("Illegal state: Consumer is not subscribed to any topics or assigned any partitions");
    v2.delete(group, name);
  }

  @Test
  void aTopicPatternSubscriptionReadsEveryMatchingTopic() {
    String prefix = TestKafka.uniqueTopic("v2-pattern");
    String one = TestKafka.createTopic(prefix + "-one", 1);
    String two = TestKafka.createTopic(prefix + "-two", 1);
    String elsewhere = TestKafka.createTopic(TestKafka.uniqueTopic("v2-not-pattern"), 1);
    produce(one, Rec.of(0, null, "1"));
    produce(two, Rec.of(0, null, "2"));
    produce(elsewhere, Rec.of(0, null, "x"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));

    V2ConsumerClient.noContent(v2.post(instance(group, name) + "/subscription",
        new JsonObject().put("topic_pattern", prefix.replace("-", "\\-") + "-.*")));

    assertThat(v2.readUntil(group, name, BINARY, "", 2)).extracting(r -> r.getString("topic"))
        .containsExactlyInAnyOrder(one, two);
    assertThat(v2.get(instance(group, name) + "/subscription").send().json().getJsonArray("topics"))
        .containsExactly(one, two);
    assertThat(v2.read(group, name, BINARY, "?timeout=200")).isEmpty();
    v2.delete(group, name);
  }

  @Test
  void badSubscriptionsAreRejected() {
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    String path = instance(group, name) + "/subscription";
    assertError(http.post(path).contentType(V2).send(), 422, 422);
    assertError(v2.post(path, new JsonObject()), 422, 422);
    assertError(v2.post(path, new JsonObject().put("topic", "t")), 422, 422);
    assertError(v2.post(path, new JsonObject().put("topics", "t")), 400, 400);
    assertError(v2.post(path, new JsonObject().put("topics", List.of(""))), 422, 422);
    assertError(v2.post(path, new JsonObject().put("topic_pattern", "(unclosed")), 422, 422);
    v2.delete(group, name);
  }

  @Test
  void commitsAreVisibleToKafkaAndExplicitOffsetsAreStoredPlusOne() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-commit"), 3);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"), Rec.of(0, null, "c"), Rec.of(1, null, "d"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary").put("auto.commit.enable", "false"));
    v2.subscribe(group, name, topic);
    v2.readUntil(group, name, BINARY, "", 4);
    String offsets = instance(group, name) + "/offsets";

    // Empty body: everything returned so far.
    Http.Reply commitAll = v2.post(offsets, null);
    assertThat(commitAll.status()).as("%s", commitAll).isEqualTo(200);
    assertThat(commitAll.contentType()).isEqualTo(V2);
    assertThat(commitAll.array()).isEmpty();
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(3);
    assertThat(TestKafka.committedOffset(group, topic, 1)).isEqualTo(1);

    // Explicit offsets are "last processed": Kafka stores offset + 1.
    Http.Reply explicit = v2.post(offsets, new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", 0).put("metadata", "note"))
        .add(partition(topic, 1).put("offset", -1))));
    assertThat(explicit.array()).isEmpty();
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(1);
    assertThat(TestKafka.committedOffset(group, topic, 1)).isEqualTo(0);

    // GET with a body: only partitions that have a committed offset (not partition 2), as Kafka stores them.
    JsonObject query = new JsonObject().put("partitions", new JsonArray().add(partition(topic, 0))
        .add(partition(topic, 1)).add(partition(topic, 2)));
    Http.Reply committed = http.get(offsets).contentType(V2).accept(V2).body(query.encode()).send();
    assertThat(committed.status()).as("%s", committed).isEqualTo(200);
    assertThat(committed.json()).isEqualTo(new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", 1).put("metadata", "note"))
        .add(partition(topic, 1).put("offset", 0).put("metadata", ""))));

    assertError(http.get(offsets).body(query.encode()).send(), 415, 415);
    assertError(http.get(offsets).contentType(V2).send(), 404, 40402);
    assertError(http.get(offsets).contentType(V2).body("{}").send(), 422, 422);
    assertError(v2.post(offsets, new JsonObject().put("offsets", new JsonArray()
        .add(partition(topic, 0).put("offset", -2)))), 422, 422);
    assertError(v2.post(offsets, new JsonObject().put("offsets", new JsonArray().add(partition(topic, 0)))),
        422, 422);
    v2.delete(group, name);
  }

  @Test
  void autoCommitIsOnByDefaultInV2() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-auto-commit"), 1);
    produce(topic, Rec.of(0, null, "a"), Rec.of(0, null, "b"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, new JsonObject().put("auto.offset.reset", "earliest")
        .put("consumer.request.timeout.ms", 2_000).put("fetch.min.bytes", 0));
    v2.subscribe(group, name, topic);
    v2.readUntil(group, name, BINARY, "", 2);

    v2.delete(group, name);

    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(2);
  }

  @Test
  void timestampAndHeadersComeOnlyWhenAskedFor() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-include"), 1);
    long timestamp = 1_600_000_000_000L;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
      producer.send(new ProducerRecord<>(topic, 0, timestamp, null, bytes("with headers"), List.of(
          new RecordHeader("trace", bytes("abc")), new RecordHeader("empty", null)))).get();
      producer.send(new ProducerRecord<>(topic, 0, timestamp + 1, null, bytes("plain"))).get();
    }
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("binary"));
    v2.subscribe(group, name, topic);

    List<JsonObject> records = v2.readUntil(group, name, BINARY, "?include=timestamp,headers", 2);

    assertThat(records.get(0).getLong("timestamp")).isEqualTo(timestamp);
    assertThat(records.get(0).getJsonArray("headers")).containsExactly(
        new JsonObject().put("key", "trace").put("value", base64("abc")),
        new JsonObject().put("key", "empty").putNull("value"));
    assertThat(records.get(1).getJsonArray("headers")).isEmpty();
    assertThat(records.get(1).getLong("timestamp")).isEqualTo(timestamp + 1);

    // Only timestamp; an unknown include value is a client mistake and loses nothing.
    V2ConsumerClient.noContent(v2.post(instance(group, name) + "/positions/beginning",
        new JsonObject().put("partitions", new JsonArray().add(partition(topic, 0)))));
    assertError(v2.readReply(group, name, BINARY, "?include=colour"), 400, 400);
    List<JsonObject> again = v2.readUntil(group, name, BINARY, "?include=timestamp", 2);
    assertThat(again.get(0).fieldNames()).containsExactlyInAnyOrder("topic", "key", "value", "partition", "offset",
        "timestamp");
    v2.delete(group, name);
  }

  @Test
  void aJsonInstanceRendersJsonAndAnotherFormatIs40601() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-json"), 1);
    produce(topic, Rec.of(0, "\"a\"", "{\"n\":1}"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("json"));
    v2.subscribe(group, name, topic);

    Http.Reply binary = v2.readReply(group, name, BINARY, "");
    assertError(binary, 406, 40601);
    // A generic Accept means binary, as in the original: not this instance's format.
    assertError(v2.readReply(group, name, V2, ""), 406, 40601);
    assertError(v2.readReply(group, name, "application/vnd.kafka.avro.v2+json", ""), 406, 40601);

    List<JsonObject> records = v2.readUntil(group, name, JSON, "", 1);
    assertThat(records.get(0).getString("key")).isEqualTo("a");
    assertThat(records.get(0).getJsonObject("value")).isEqualTo(new JsonObject().put("n", 1));
    v2.delete(group, name);
  }

  @Test
  void aFailedReadLosesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-not-json"), 1);
    produce(topic, Rec.of(0, null, "this is not json"));
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("json").put("auto.commit.enable", "false"));
    v2.subscribe(group, name, topic);

    Http.Reply failure = Eventually.first(() -> {
      Http.Reply reply = v2.readReply(group, name, JSON, "");
      return reply.status() != 200 ? reply : null;
    });
    assertThat(failure).isNotNull();
    assertError(failure, 500, 50002);
    // The record went back to the instance: the next read meets it again instead of skipping it.
    assertError(v2.readReply(group, name, JSON, ""), 500, 50002);
    assertThat(v2.post(instance(group, name) + "/offsets", null).array()).isEmpty();
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(-1);
    assertError(v2.readReply(group, name, JSON, "?timeout=x"), 400, 400);
    v2.delete(group, name);
  }

  @Test
  void aReadInProgressEndsWhenItsInstanceIsDeleted() throws Exception {
    String prefix = TestKafka.uniqueTopic("v2-none");
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, new JsonObject().put("consumer.request.timeout.ms",
        CreateConsumer.MAX_REQUEST_TIMEOUT_MS));
    // A pattern no topic matches: the instance has nothing to poll between requests, so it joins its group only
    // inside a read's polls, and the read can only end by its (five-minute) timeout, answering [], or by the delete.
    V2ConsumerClient.noContent(v2.post(instance(group, name) + "/subscription",
        new JsonObject().put("topic_pattern", prefix + ".*")));
    CompletableFuture<Http.Reply> read = CompletableFuture.supplyAsync(() -> v2.readReply(group, name, BINARY, ""));
    assertThat(Eventually.get(() -> ConsumerGroups.hasMember(group), joined -> joined))
        .as("the read is polling (its instance joined the group)").isTrue();
    assertThat(read).isNotDone();

    v2.delete(group, name);

    // Nothing was read, so the read ends with "instance not found", not with the [] of its timeout.
    assertError(read.get(), 404, 40403);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
