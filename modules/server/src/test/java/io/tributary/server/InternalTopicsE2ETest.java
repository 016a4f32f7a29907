package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka's internal topics and the schema registry's topic cannot be written through any generation's produce:
 * 403 with the generation's error body, and a native consumer finds nothing of the attempts in Kafka (not even a
 * schema registered for them, nor an auto-created {@code __} topic).
 */
class InternalTopicsE2ETest {

  private static Http http;
  private static String clusterId;

  @BeforeAll
  static void server() throws Exception {
    http = TestServer.shared().http();
    clusterId = TestKafka.admin().describeCluster().clusterId().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theRegistryTopicIsNotWritable() throws Exception {
    assertRefusedEverywhereAndNothingWritten("_schemas");
  }

  @Test
  void consumerOffsetsAreNotWritable() throws Exception {
    assertRefusedEverywhereAndNothingWritten("__consumer_offsets");
  }

  @Test
  void transactionStateIsNotWritable() throws Exception {
    assertRefusedEverywhereAndNothingWritten("__transaction_state");
  }

  @Test
  void anyDoubleUnderscoreTopicIsNotWritableNorCreated() throws Exception {
    String topic = TestKafka.uniqueTopic("__anything");
    assertRefusedEverywhereAndNothingWritten(topic);
    assertThat(allTopicNames()).doesNotContain(topic);
  }

  @Test
  void aPercentEncodedNameIsTheSameTopic() throws Exception {
    String topic = TestKafka.uniqueTopic("__encoded");
    String encoded = "%5F%5F" + topic.substring(2);
    refused(http.post("/topics/" + encoded).contentType("application/vnd.kafka.binary.v2+json")
        .body(binaryBody("eA==")).send());
    refused(http.post("/v3/clusters/" + clusterId + "/topics/" + encoded + "/records").contentType("application/json")
        .body("{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}").send());
    assertEventStreamsError(http.post("/topics/" + encoded + "/records").contentType("text/plain").body("x").send(),
        403);
    assertThat(allTopicNames()).doesNotContain(topic);
  }

  @Test
  void aRegistryTopicOfAnotherNameIsTheOneProtected() throws Exception {
    String registryTopic = TestKafka.uniqueTopic("_registry-store");
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic", registryTopic))) {
      Http own = server.http();
      assertError(own.post("/topics/" + registryTopic).contentType("application/vnd.kafka.binary.v2+json")
          .body(binaryBody("eA==")).send(), 403, 40301);
      // _schemas is an ordinary topic name for this server (its registry keeps its schemas elsewhere).
      String plain = TestKafka.createTopic(TestKafka.uniqueTopic("_schemas"), 1);
      assertThat(own.post("/topics/" + plain).contentType("application/vnd.kafka.binary.v2+json")
          .body(binaryBody("eA==")).send().status()).isEqualTo(200);
    }
  }

  private static void assertRefusedEverywhereAndNothingWritten(String topic) throws Exception {
    Set<String> before = allTopicNames();
    // Letters and digits only, so that it can also be the name of an Avro record (and so be found in a schema).
    String marker = "internal" + UUID.randomUUID().toString().replace("-", "");
    String base64 = Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8));

    for (String path : List.of("/topics/" + topic, "/topics/" + topic + "/partitions/0")) {
      refused(http.post(path).contentType("application/vnd.kafka.binary.v1+json").body(binaryBody(base64)).send());
      refused(http.post(path).contentType("application/vnd.kafka.binary.v2+json")
          .body(new JsonObject().put("records", new JsonArray().add(new JsonObject().put("key", base64)
              .put("value", base64))).encode()).send());
    }
    // A schema format: refused before the schema is registered (the registry would write it to its topic).
    String schema = new JsonObject().put("type", "record").put("name", marker)
        .put("fields", new JsonArray().add(new JsonObject().put("name", "f").put("type", "string"))).encode();
    refused(http.post("/topics/" + topic).contentType("application/vnd.kafka.avro.v2+json")
        .body(new JsonObject().put("value_schema", schema).put("records", new JsonArray()
            .add(new JsonObject().put("value", new JsonObject().put("f", marker))))
            .encode()).send());

    String v3Record = new JsonObject().put("key", new JsonObject().put("type", "STRING").put("data", marker))
        .put("value", new JsonObject().put("type", "STRING").put("data", marker)).encode();
    String v3Batch = new JsonObject().put("entries", new JsonArray().add(new JsonObject(v3Record).put("id", "1")))
        .encode();
    for (String prefix : List.of("/v3", "/kafka/v3")) {
      String topicPath = prefix + "/clusters/" + clusterId + "/topics/" + topic;
      refused(http.post(topicPath + "/records").contentType("application/json").body(v3Record).send());
      refused(http.post(topicPath + "/records:batch").contentType("application/json").body(v3Batch).send());
    }

    Http.Reply eventStreams = http.post("/topics/" + topic + "/records").contentType("text/plain").body(marker)
        .send();
    JsonObject error = assertEventStreamsError(eventStreams, 403).getJsonObject("error");
    assertThat(error.getString("topic")).isEqualTo(topic);
    assertThat(error.getString("message")).contains("internal");

    Set<String> after = allTopicNames();
    assertThat(after).as("no topic was created").isEqualTo(before);
    for (String stored : List.of("_schemas", "__consumer_offsets", "__transaction_state", topic)) {
      if (after.contains(stored)) {
        assertNoRecordContains(stored, marker.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void refused(Http.Reply reply) {
    assertError(reply, 403, 40301);
    assertThat(reply.json().getString("message")).as("%s", reply).contains("internal");
  }

  private static String binaryBody(String base64) {
    return new JsonObject().put("records", new JsonArray().add(new JsonObject().put("value", base64))).encode();
  }

  private static Set<String> allTopicNames() throws Exception {
    return TestKafka.admin().listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
  }

  /** Reads every partition of the topic from its start to its current end; no key or value holds the marker. */
  private static void assertNoRecordContains(String topic, byte[] marker) {
    try (KafkaConsumer<byte[], byte[]> consumer = TestKafka.nativeConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      boolean atEnd = Eventually.get(() -> {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          assertThat(contains(r.key(), marker) || contains(r.value(), marker))
              .as("%s holds a record of the refused produce at %s", topic, r.offset()).isFalse();
        }
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      }, done -> done);
      assertThat(atEnd).as("%s read to its end", topic).isTrue();
    }
  }

  private static boolean contains(byte[] bytes, byte[] marker) {
    if (bytes == null) {
      return false;
    }
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        return true;
      }
    }
    return false;
  }
}
