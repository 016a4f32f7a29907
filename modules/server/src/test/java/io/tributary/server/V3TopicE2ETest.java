package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v3 topics and topic configs: the whole life of a topic, validation, and the Kafka refusals. */
class V3TopicE2ETest {
  private static V3Client v3;

  @BeforeAll
  static void start() {
    v3 = V3Client.of(TestServer.shared().http(), "/v3");
  }

  @Test
  void createDescribeAlterConfigIncreasePartitionsDelete() {
    String topic = TestKafka.uniqueTopic("v3-life");
    Http.Reply created = v3.post("/topics", new JsonObject().put("topic_name", topic).put("partitions_count", 2)
        .put("replication_factor", 1)
        .put("configs", new JsonArray().add(new JsonObject().put("name", "cleanup.policy").put("value", "compact")))
        .encode());

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(v3.url("/topics/" + topic));
    JsonObject body = created.json();
    assertThat(body.getString("kind")).isEqualTo("KafkaTopic");
    assertThat(body.getInteger("partitions_count")).isEqualTo(2);
    assertThat(body.getInteger("replication_factor")).isEqualTo(1);
    assertThat(body.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/topic=" + topic);

    JsonObject described = Eventually.get(() -> v3.get("/topics/" + topic), r -> r.status() == 200).json();
    assertThat(described.getString("topic_name")).isEqualTo(topic);
    assertThat(described.getBoolean("is_internal")).isFalse();
    assertThat(described.getInteger("partitions_count")).isEqualTo(2);
    assertThat(described.getJsonArray("authorized_operations")).isEmpty();
    assertThat(described.getJsonObject("partitions").getString("related"))
        .isEqualTo(v3.url("/topics/" + topic + "/partitions"));
    assertThat(described.getJsonObject("partition_reassignments").getString("related"))
        .isEqualTo(v3.url("/topics/" + topic + "/partitions/-/reassignment"));
    assertThat(v3.get("/topics/" + topic + "/configs/cleanup.policy").json().getString("value"))
        .isEqualTo("compact");

    assertThat(v3.put("/topics/" + topic + "/configs/retention.ms", "{\"value\":\"123456\"}").status())
        .isEqualTo(204);
    JsonObject retention = Eventually.get(() -> v3.get("/topics/" + topic + "/configs/retention.ms").json(),
        c -> "123456".equals(c.getString("value")));
    assertThat(retention.getString("source")).isEqualTo("DYNAMIC_TOPIC_CONFIG");
    assertThat(retention.getString("topic_name")).isEqualTo(topic);

    Http.Reply patched = v3.patch("/topics/" + topic, "{\"partitions_count\":5}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().getInteger("partitions_count")).isEqualTo(5);
    assertThat(v3.get("/topics/" + topic + "/partitions").json().getJsonArray("data")).hasSize(5);

    assertThat(v3.delete("/topics/" + topic).status()).isEqualTo(204);
    assertError(Eventually.get(() -> v3.get("/topics/" + topic), r -> r.status() == 404), 404, 404);
  }

  @Test
  void validateOnlyCreatesNothingAndAnswers200() {
    String topic = TestKafka.uniqueTopic("v3-dry");
    Http.Reply dry = v3.post("/topics", new JsonObject().put("topic_name", topic).put("partitions_count", 3)
        .put("validate_only", true).encode());

    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.header("Location")).isNull();
    assertThat(dry.json().getInteger("partitions_count")).isEqualTo(3);
    assertThat(dry.json().getInteger("replication_factor")).isEqualTo(1);
    assertError(v3.get("/topics/" + topic), 404, 404);
  }

  @Test
  void replicasAssignmentsDecideThePartitionsAndBrokerDefaultsFillTheRest() {
    String assigned = TestKafka.uniqueTopic("v3-assigned");
    Http.Reply created = v3.post("/topics", "{\"topic_name\":\"" + assigned
        + "\",\"replicas_assignments\":{\"0\":[1],\"1\":[1],\"2\":[1]}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getInteger("partitions_count")).isEqualTo(3);

    String defaults = TestKafka.uniqueTopic("v3-defaults");
    Http.Reply plain = v3.post("/topics", "{\"topic_name\":\"" + defaults + "\"}");
    assertThat(plain.status()).isEqualTo(201);
    assertThat(plain.json().getInteger("partitions_count")).isEqualTo(1);
  }

  @Test
  void theTopicListShowsTopicsSortedAndCanCarryAuthorizedOperations() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-list"), 1);
    JsonObject list = v3.get("/topics").json();
    assertThat(list.getString("kind")).isEqualTo("KafkaTopicList");
    List<String> names = list.getJsonArray("data").stream().map(t -> ((JsonObject) t).getString("topic_name"))
        .toList();
    assertThat(names).contains(topic).isSorted();

    JsonObject withOps = v3.get("/topics?includeAuthorizedOperations=true").json();
    JsonObject mine = withOps.getJsonArray("data").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("topic_name").equals(topic)).findFirst().orElseThrow();
    // The proxy connects as the broker's super user, so Kafka reports every topic operation.
    assertThat(mine.getJsonArray("authorized_operations").stream().toList()).contains("READ", "WRITE", "DESCRIBE");

    JsonObject one = v3.get("/topics/" + topic + "?include_authorized_operations=true").json();
    assertThat(one.getJsonArray("authorized_operations").stream().toList()).contains("ALTER_CONFIGS");
  }

  @Test
  void createRequestsAreChecked() {
    assertError(v3.post("/topics", ""), 422, 42206);
    assertThat(v3.post("/topics", "").json().getString("message"))
        .isEqualTo("Payload error. Request body is empty. Data is required.");
    Http.Reply badName = v3.post("/topics", "{\"topic_name\":\"no spaces allowed\"}");
    assertError(badName, 422, 42206);
    assertThat(badName.json().getString("message")).isEqualTo("Payload error. Invalid topic name.");
    // Confluent's proxy: a body without topic_name is a JSON binding error, 400 with error_code 400.
    assertError(v3.post("/topics", "{\"partitions_count\":1}"), 400, 400);
    Http.Reply noName = v3.post("/topics", "{}");
    assertError(noName, 400, 400);
    assertThat(noName.json().getString("message")).isEqualTo("Cannot deserialize the request: topic_name is required.");
    assertError(v3.post("/topics", "{\"topic_name\":\"x\",\"partitions\":1}"), 422, 422);
    assertError(v3.post("/topics", "{\"topic_name\":\"x\",\"partitions_count\":\"one\"}"), 400, 400);
    assertError(v3.post("/topics", "{\"topic_name\":"), 400, 400);
  }

  @Test
  void kafkaRefusalsAre40002() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-exists"), 2);
    assertError(v3.post("/topics", "{\"topic_name\":\"" + topic + "\"}"), 400, 40002);
    assertError(v3.post("/topics", "{\"topic_name\":\"" + TestKafka.uniqueTopic("v3-rf")
        + "\",\"replication_factor\":3}"), 400, 40002);
    assertError(v3.patch("/topics/" + topic, "{\"partitions_count\":1}"), 400, 40002);
    assertError(v3.patch("/topics/" + topic, "{\"partitions_count\":2}"), 400, 40002);
    assertError(v3.post("/topics/" + topic + "/configs:alter",
        "{\"data\":[{\"name\":\"retention.ms\",\"value\":\"not-a-number\"}]}"), 400, 40002);
  }

  @Test
  void patchBodiesAreChecked() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-patch"), 1);
    Http.Reply empty = v3.patch("/topics/" + topic, "");
    assertError(empty, 422, 42206);
    assertThat(empty.json().getString("message"))
        .isEqualTo("Payload error. Request body is empty. Partitions_count is required.");
    assertError(v3.patch("/topics/" + topic, "{}"), 422, 42206);
  }

  @Test
  void missingTopicsAre404() {
    String missing = TestKafka.uniqueTopic("v3-missing");
    Http.Reply get = v3.get("/topics/" + missing);
    assertError(get, 404, 404);

    Http.Reply delete = v3.delete("/topics/" + missing);
    assertError(delete, 404, 40403);
    assertThat(delete.json().getString("message")).isEqualTo("This server does not host this topic-partition.");
    assertError(v3.get("/topics/" + missing + "/configs"), 404, 40403);
    assertError(v3.get("/topics/" + missing + "/partitions"), 404, 40403);
    assertError(v3.patch("/topics/" + missing, "{\"partitions_count\":3}"), 404, 40403);
  }

  @Test
  void topicConfigsListGetResetBatchAndAllTopics() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-configs"), 1);
    JsonObject list = v3.get("/topics/" + topic + "/configs").json();
    assertThat(list.getString("kind")).isEqualTo("KafkaTopicConfigList");
    JsonObject retention = V3ClusterE2ETest.find(list, "retention.ms").orElseThrow();
    assertThat(retention.getString("kind")).isEqualTo("KafkaTopicConfig");
    assertThat(retention.getBoolean("is_default")).isTrue();
    assertThat(retention.getJsonObject("metadata").getString("self"))
        .isEqualTo(v3.url("/topics/" + topic + "/configs/retention.ms"));
    assertThat(retention.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/topic=" + topic + "/config=retention.ms");

    String batch = "{\"data\":[{\"name\":\"retention.ms\",\"value\":\"999999\"},"
        + "{\"name\":\"segment.bytes\",\"value\":\"10485760\",\"operation\":\"SET\"}]}";
    assertThat(v3.post("/topics/" + topic + "/configs:alter", batch).status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/topics/" + topic + "/configs/segment.bytes").json(),
        c -> "10485760".equals(c.getString("value")));
    assertThat(v3.get("/topics/" + topic + "/configs/retention.ms").json().getString("value")).isEqualTo("999999");

    String dryRun = "{\"data\":[{\"name\":\"retention.ms\",\"value\":\"1\"}],\"validate_only\":true}";
    assertThat(v3.post("/topics/" + topic + "/configs:alter", dryRun).status()).isEqualTo(204);
    assertThat(v3.get("/topics/" + topic + "/configs/retention.ms").json().getString("value")).isEqualTo("999999");

    assertThat(v3.delete("/topics/" + topic + "/configs/retention.ms").status()).isEqualTo(204);
    JsonObject reset = Eventually.get(() -> v3.get("/topics/" + topic + "/configs/retention.ms").json(),
        c -> c.getBoolean("is_default"));
    assertThat(reset.getString("source")).isEqualTo("DEFAULT_CONFIG");

    JsonObject all = v3.get("/topics/-/configs").json();
    assertThat(all.getJsonArray("data").stream().map(JsonObject.class::cast)
        .anyMatch(c -> topic.equals(c.getString("topic_name")) && "segment.bytes".equals(c.getString("name"))))
        .isTrue();

    assertError(v3.get("/topics/" + topic + "/configs/no.such.config"), 404, 404);
    assertError(v3.put("/topics/" + topic + "/configs/no.such.config", "{\"value\":\"1\"}"), 404, 404);
  }

  @Test
  void severalTopicsConfigsInOneRequest() {
    String a = TestKafka.createTopic(TestKafka.uniqueTopic("v3-multi-a"), 1);
    String b = TestKafka.createTopic(TestKafka.uniqueTopic("v3-multi-b"), 1);
    String both = alterTopics(entry(a, "retention.ms", "777777"), entry(b, "retention.ms", "888888"));
    assertThat(v3.post("/topics/-/configs:alter", both).status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/topics/" + b + "/configs/retention.ms").json(),
        c -> "888888".equals(c.getString("value")));
    assertThat(v3.get("/topics/" + a + "/configs/retention.ms").json().getString("value")).isEqualTo("777777");

    // Kafka refuses b's value: 207 names b only, and a is changed all the same.
    String partly = alterTopics(entry(a, "retention.ms", "666666"), entry(b, "retention.ms", "soon"));
    Http.Reply multi = v3.post("/topics/-/configs:alter", partly);
    assertThat(multi.status()).isEqualTo(207);
    JsonArray failures = multi.json().getJsonArray("failures");
    assertThat(failures).hasSize(1);
    assertThat(failures.getJsonObject(0).getString("topic_name")).isEqualTo(b);
    assertThat(failures.getJsonObject(0).getInteger("error_code")).isEqualTo(40002);
    Eventually.get(() -> v3.get("/topics/" + a + "/configs/retention.ms").json(),
        c -> "666666".equals(c.getString("value")));

    assertError(v3.post("/topics/-/configs:alter", alterTopics(entry(a, "no.such", "1"))), 404, 404);
    String unknownTopic = alterTopics(entry(TestKafka.uniqueTopic("v3-none"), "retention.ms", "1"));
    assertError(v3.post("/topics/-/configs:alter", unknownTopic), 404, 40403);
  }

  @Test
  void partitionsOffsetsAndReplicas() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-partitions"), 2);
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, 1, null, ("v" + i).getBytes())).get(30, TimeUnit.SECONDS);
      }
    }
    JsonObject partitions = v3.get("/topics/" + topic + "/partitions").json();
    assertThat(partitions.getString("kind")).isEqualTo("KafkaPartitionList");
    assertThat(partitions.getJsonArray("data")).hasSize(2);

    JsonObject partition = v3.get("/topics/" + topic + "/partitions/1").json();
    assertThat(partition.getInteger("partition_id")).isEqualTo(1);
    assertThat(partition.getJsonObject("leader").getString("related"))
        .isEqualTo(v3.url("/topics/" + topic + "/partitions/1/replicas/1"));
    assertThat(partition.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/topic=" + topic + "/partition=1");

    JsonObject offsets = v3.get("/topics/" + topic + "/partitions/1/offset").json();
    assertThat(offsets.getString("kind")).isEqualTo("KafkaPartitionWithOffsets");
    assertThat(offsets.getLong("earliest_offset")).isZero();
    assertThat(offsets.getLong("latest_offset")).isEqualTo(3);
    assertThat(v3.get("/topics/" + topic + "/partitions/1/offset?offset_type=earliest_and_latest").json())
        .isEqualTo(offsets);
    Http.Reply badType = v3.get("/topics/" + topic + "/partitions/1/offset?offset_type=latest");
    assertError(badType, 400, 400);
    assertThat(badType.json().getString("message")).isEqualTo("offset_type:latest is invalid");

    JsonObject replicas = v3.get("/topics/" + topic + "/partitions/0/replicas").json();
    assertThat(replicas.getString("kind")).isEqualTo("KafkaReplicaList");
    JsonObject replica = v3.get("/topics/" + topic + "/partitions/0/replicas/1").json();
    assertThat(replica.getBoolean("is_leader")).isTrue();
    assertThat(replica.getBoolean("is_in_sync")).isTrue();
    assertThat(replica.getJsonObject("broker").getString("related")).isEqualTo(v3.url("/brokers/1"));
    assertThat(replicas.getJsonArray("data").getJsonObject(0)).isEqualTo(replica);

    JsonObject hosted = v3.get("/brokers/1/partition-replicas").json();
    assertThat(hosted.getJsonArray("data").stream().map(JsonObject.class::cast)
        .filter(r -> topic.equals(r.getString("topic_name"))).count()).isEqualTo(2);

    assertError(v3.get("/topics/" + topic + "/partitions/9"), 404, 40402);
    assertError(v3.get("/topics/" + topic + "/partitions/x"), 404, 40402);
    assertError(v3.get("/topics/" + topic + "/partitions/9/offset"), 404, 40402);
    assertError(v3.get("/topics/" + topic + "/partitions/0/replicas/5"), 404, 404);
  }

  @Test
  void reassignmentsAreListedAndAMissingOneIs404() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v3-reassign"), 1);
    // A single broker never has a reassignment in flight: the lists are empty, the single one is 404.
    JsonObject all = v3.get("/topics/-/partitions/-/reassignment").json();
    assertThat(all.getString("kind")).isEqualTo("KafkaReassignmentList");
    assertThat(all.getJsonObject("metadata").getString("self"))
        .isEqualTo(v3.url("/topics/-/partitions/-/reassignment"));
    JsonObject byTopic = v3.get("/topics/" + topic + "/partitions/-/reassignment").json();
    assertThat(byTopic.getString("kind")).isEqualTo("KafkaReassignmentList");
    assertThat(byTopic.getJsonArray("data")).isEmpty();
    assertError(v3.get("/topics/" + topic + "/partitions/0/reassignment"), 404, 404);
    assertError(v3.get("/topics/" + TestKafka.uniqueTopic("v3-none") + "/partitions/-/reassignment"), 404, 40403);
  }

  private static JsonObject entry(String topic, String name, String value) {
    return new JsonObject().put("topic_name", topic)
        .put("configs", new JsonArray().add(new JsonObject().put("name", name).put("value", value)));
  }

  private static String alterTopics(JsonObject... entries) {
    return new JsonObject().put("data", new JsonArray(List.of((Object[]) entries))).encode();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestKafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
  }
}
