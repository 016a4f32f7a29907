package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v3 consumer groups, members, assignments, lags and the lag summary, against a real group: a native consumer with
 * static membership is subscribed and stays in the group for the whole class, with offsets committed at 2 of 5
 * (partition 0) and 3 of 3 (partition 1).
 */
class V3ConsumerGroupE2ETest {
  private static final String CLIENT_ID = "v3-lag-client";
  private static final String INSTANCE_ID = "v3-static-member";

  private static V3Client v3;
  private static String topic;
  private static String group;
  private static KafkaConsumer<byte[], byte[]> member;
  private static String consumerId;

  @BeforeAll
  static void start() throws Exception {
    v3 = V3Client.of(TestServer.shared().http(), "/v3");
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-groups"), 2);
    group = TestKafka.uniqueTopic("v3-group");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestKafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(topic, 0, null, new byte[] {(byte) i}));
      }
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, 1, null, new byte[] {(byte) i}));
      }
      producer.flush();
    }
    member = consumer(group, CLIENT_ID, INSTANCE_ID);
    member.subscribe(List.of(topic));
    Eventually.get(() -> {
      member.poll(Duration.ofMillis(200));
      return member.assignment().size();
    }, assigned -> assigned == 2);
    assertThat(member.assignment()).hasSize(2);
    member.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2),
        new TopicPartition(topic, 1), new OffsetAndMetadata(3)));
    JsonObject consumers = Eventually.get(() -> v3.get("/consumer-groups/" + group + "/consumers").json(),
        c -> c.getJsonArray("data") != null && c.getJsonArray("data").size() == 1);
    consumerId = consumers.getJsonArray("data").getJsonObject(0).getString("consumer_id");
  }

  @AfterAll
  static void stop() {
    if (member != null) {
      member.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void theGroupIsListedAndDescribed() {
    JsonObject list = v3.get("/consumer-groups").json();
    assertThat(list.getString("kind")).isEqualTo("KafkaConsumerGroupList");
    assertThat(list.getJsonArray("data").stream().map(JsonObject.class::cast)
        .anyMatch(g -> group.equals(g.getString("consumer_group_id")))).isTrue();

    JsonObject g = Eventually.get(() -> v3.get("/consumer-groups/" + group).json(),
        d -> "STABLE".equals(d.getString("state")));
    assertThat(g.getString("kind")).isEqualTo("KafkaConsumerGroup");
    assertThat(g.getString("state")).isEqualTo("STABLE");
    assertThat(g.getString("type")).isEqualTo("CLASSIC");
    assertThat(g.getBoolean("is_simple")).isFalse();
    assertThat(g.getString("partition_assignor")).isNotBlank();
    assertThat(g.getJsonObject("coordinator").getString("related")).isEqualTo(v3.url("/brokers/1"));
    assertThat(g.getJsonObject("lag_summary").getString("related"))
        .isEqualTo(v3.url("/consumer-groups/" + group + "/lag-summary"));
    assertThat(g.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/consumer-group=" + group);
  }

  @Test
  void membersAndTheirAssignments() {
    JsonObject consumer = v3.get("/consumer-groups/" + group + "/consumers/" + consumerId).json();
    assertThat(consumer.getString("kind")).isEqualTo("KafkaConsumer");
    assertThat(consumer.getString("client_id")).isEqualTo(CLIENT_ID);
    assertThat(consumer.getString("instance_id")).isEqualTo(INSTANCE_ID);
    assertThat(consumer.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/consumer-group=" + group + "/consumer=" + consumerId);

    JsonObject assignments = v3.get("/consumer-groups/" + group + "/consumers/" + consumerId + "/assignments")
        .json();
    assertThat(assignments.getString("kind")).isEqualTo("KafkaConsumerAssignmentList");
    JsonArray data = assignments.getJsonArray("data");
    assertThat(data).hasSize(2);
    assertThat(data.getJsonObject(0).getString("topic_name")).isEqualTo(topic);

    String one = "/consumer-groups/" + group + "/consumers/" + consumerId + "/assignments/" + topic + "/partitions/1";
    JsonObject assignment = v3.get(one).json();
    assertThat(assignment.getString("kind")).isEqualTo("KafkaConsumerAssignment");
    assertThat(assignment.getInteger("partition_id")).isEqualTo(1);
    assertThat(assignment.getJsonObject("partition").getString("related"))
        .isEqualTo(v3.url("/topics/" + topic + "/partitions/1"));
    assertThat(assignment.getJsonObject("lag").getString("related"))
        .isEqualTo(v3.url("/consumer-groups/" + group + "/lags/" + topic + "/partitions/1"));
    assertThat(assignment.getJsonObject("metadata").getString("resource_name")).isEqualTo("crn:///kafka="
        + v3.clusterId() + "/consumer-group=" + group + "/consumer=" + consumerId + "/assignment=" + topic
        + "/partition=1");

    assertError(v3.get("/consumer-groups/" + group + "/consumers/nobody"), 404, 404);
    assertError(v3.get("/consumer-groups/" + group + "/consumers/" + consumerId + "/assignments/" + topic
        + "/partitions/7"), 404, 404);
  }

  @Test
  void lagsFollowTheCommittedOffsets() {
    JsonObject lags = v3.get("/consumer-groups/" + group + "/lags").json();
    assertThat(lags.getString("kind")).isEqualTo("KafkaConsumerLagList");
    JsonArray data = lags.getJsonArray("data");
    assertThat(data).hasSize(2);
    JsonObject first = data.getJsonObject(0);
    assertThat(first.getInteger("partition_id")).isZero();
    assertThat(first.getLong("current_offset")).isEqualTo(2);
    assertThat(first.getLong("log_end_offset")).isEqualTo(5);
    assertThat(first.getLong("lag")).isEqualTo(3);
    assertThat(first.getString("consumer_id")).isEqualTo(consumerId);
    assertThat(first.getString("client_id")).isEqualTo(CLIENT_ID);
    assertThat(first.getString("instance_id")).isEqualTo(INSTANCE_ID);
    assertThat(data.getJsonObject(1).getLong("lag")).isZero();

    JsonObject one = v3.get("/consumer-groups/" + group + "/lags/" + topic + "/partitions/1").json();
    assertThat(one.getString("kind")).isEqualTo("KafkaConsumerLag");
    assertThat(one.getLong("current_offset")).isEqualTo(3);
    assertThat(one.getJsonObject("metadata").getString("resource_name")).isEqualTo("crn:///kafka="
        + v3.clusterId() + "/consumer-group=" + group + "/lag=" + topic + "/partition=1");
    assertError(v3.get("/consumer-groups/" + group + "/lags/" + topic + "/partitions/9"), 404, 404);
  }

  @Test
  void theLagSummaryNamesTheLargestLag() {
    JsonObject summary = v3.get("/consumer-groups/" + group + "/lag-summary").json();

    assertThat(summary.getString("kind")).isEqualTo("KafkaConsumerGroupLagSummary");
    assertThat(summary.getLong("max_lag")).isEqualTo(3);
    assertThat(summary.getLong("total_lag")).isEqualTo(3);
    assertThat(summary.getString("max_lag_topic_name")).isEqualTo(topic);
    assertThat(summary.getInteger("max_lag_partition_id")).isZero();
    assertThat(summary.getString("max_lag_consumer_id")).isEqualTo(consumerId);
    assertThat(summary.getString("max_lag_client_id")).isEqualTo(CLIENT_ID);
    assertThat(summary.getJsonObject("max_lag_partition").getString("related"))
        .isEqualTo(v3.url("/topics/" + topic + "/partitions/0"));
    assertThat(summary.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/consumer-group=" + group + "/lag-summary");
  }

  @Test
  void aGroupWithOffsetsButNoMembersReportsLagsWithoutAConsumer() {
    // A group id with a space: path parameters are decoded, URLs built from ids are encoded.
    String idle = "v3 idle " + TestKafka.uniqueTopic("group");
    String path = "/consumer-groups/" + idle.replace(" ", "%20");
    try (KafkaConsumer<byte[], byte[]> committer = consumer(idle, "committer", null)) {
      committer.assign(List.of(new TopicPartition(topic, 0)));
      committer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)));
    }
    JsonObject g = v3.get(path).json();
    assertThat(g.getString("consumer_group_id")).isEqualTo(idle);
    assertThat(g.getString("state")).isEqualTo("EMPTY");
    assertThat(g.getJsonObject("metadata").getString("self")).isEqualTo(v3.url(path));
    assertThat(v3.get(path + "/consumers").json().getJsonArray("data")).isEmpty();

    JsonObject lag = v3.get(path + "/lags").json().getJsonArray("data").getJsonObject(0);
    assertThat(lag.getLong("lag")).isEqualTo(1);
    assertThat(lag.getString("consumer_id")).isEmpty();
    assertThat(lag.getString("client_id")).isEmpty();
    assertThat(lag.containsKey("instance_id")).isFalse();
  }

  @Test
  void anUnknownGroupIs404() {
    String missing = TestKafka.uniqueTopic("v3-no-group");
    assertError(v3.get("/consumer-groups/" + missing), 404, 404);
    assertError(v3.get("/consumer-groups/" + missing + "/consumers"), 404, 404);
    assertError(v3.get("/consumer-groups/" + missing + "/lags"), 404, 404);
    assertError(v3.get("/consumer-groups/" + missing + "/lag-summary"), 404, 404);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String groupId, String clientId, String instanceId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    if (instanceId != null) {
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
