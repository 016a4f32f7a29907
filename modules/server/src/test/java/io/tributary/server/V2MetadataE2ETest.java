package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v2 metadata reads (reference §3.1–3.2) over real HTTP against the real broker, asked for in v2's media type. */
class V2MetadataE2ETest {
  private static final String V2 = "application/vnd.kafka.v2+json";

  private static Http http;
  private static String topic;
  private static int broker;

  @BeforeAll
  static void setUp() {
    http = TestServer.shared().http();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-meta"), 3);
    broker = get("/brokers").json().getJsonArray("brokers").getInteger(0);
  }

  @Test
  void listsTopicsAsABareArrayInternalOnesIncluded() {
    Http.Reply reply = get("/topics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.array()).contains(topic);
    assertThat(reply.array().stream().toList()).allMatch(String.class::isInstance);
  }

  @Test
  void describesATopicWithItsEffectiveConfigsAndPartitions() {
    Http.Reply reply = get("/topics/" + topic);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    JsonObject body = reply.json();
    assertThat(new ArrayList<>(body.fieldNames())).containsExactly("name", "configs", "partitions");
    assertThat(body.getString("name")).isEqualTo(topic);
    JsonObject configs = body.getJsonObject("configs");
    assertThat(configs.getString("cleanup.policy")).isEqualTo("delete");
    assertThat(configs.getMap().values()).isNotEmpty().allMatch(String.class::isInstance);
    assertThat(new ArrayList<>(configs.fieldNames())).isSorted();
    assertThat(body.getJsonArray("partitions"))
        .isEqualTo(new JsonArray(List.of(expectedPartition(0), expectedPartition(1), expectedPartition(2))));
  }

  @Test
  void listsPartitionsAsABareArray() {
    Http.Reply reply = get("/topics/" + topic + "/partitions");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.array())
        .isEqualTo(new JsonArray(List.of(expectedPartition(0), expectedPartition(1), expectedPartition(2))));
  }

  @Test
  void describesOnePartition() {
    Http.Reply reply = get("/topics/" + topic + "/partitions/2");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.json()).isEqualTo(expectedPartition(2));
    assertThat(new ArrayList<>(reply.json().fieldNames())).containsExactly("partition", "leader", "replicas");
  }

  @Test
  void partitionOffsetsAreTheFirstOffsetAndTheNextOne() throws Exception {
    String produced = TestKafka.createTopic(TestKafka.uniqueTopic("v2-offsets"), 2);
    Http.Reply write = http.post("/topics/" + produced + "/partitions/1")
        .contentType("application/vnd.kafka.binary.v2+json")
        .body("{\"records\":[{\"value\":\"AA==\"},{\"value\":\"AQ==\"},{\"value\":\"Ag==\"}]}").send();
    assertThat(write.status()).as("%s", write).isEqualTo(200);
    TestKafka.admin().deleteRecords(Map.of(new TopicPartition(produced, 1), RecordsToDelete.beforeOffset(1)))
        .all().get(30, TimeUnit.SECONDS);

    Http.Reply empty = get("/topics/" + produced + "/partitions/0/offsets");
    Http.Reply written = get("/topics/" + produced + "/partitions/1/offsets");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.contentType()).isEqualTo(V2);
    assertThat(empty.json()).isEqualTo(new JsonObject().put("beginning_offset", 0).put("end_offset", 0));
    assertThat(written.json()).isEqualTo(new JsonObject().put("beginning_offset", 1).put("end_offset", 3));
    assertThat(new ArrayList<>(written.json().fieldNames())).containsExactly("beginning_offset", "end_offset");
  }

  @Test
  void listsBrokers() {
    Http.Reply reply = get("/brokers");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.json()).isEqualTo(new JsonObject().put("brokers", new JsonArray().add(broker)));
  }

  @Test
  void anUnknownTopicIsKafkasUnknownTopicOrPartitionAsInTheOriginal() {
    // What kafka-rest's own integration test observes against a real broker: the Admin client's error, 404 40403.
    String missing = TestKafka.uniqueTopic("v2-missing");
    Http.Reply reply = get("/topics/" + missing);
    assertError(reply, 404, 40403);
    assertThat(reply.json().getString("message")).isEqualTo("This server does not host this topic-partition.");
    assertThat(reply.contentType()).isEqualTo(V2);
  }

  @Test
  void unknownTopicIsTopicNotFoundOnTheOtherTopicEndpoints() {
    String missing = TestKafka.uniqueTopic("v2-missing");
    for (String path : List.of("/topics/" + missing + "/partitions",
        "/topics/" + missing + "/partitions/0", "/topics/" + missing + "/partitions/0/offsets")) {
      Http.Reply reply = get(path);
      assertError(reply, 404, 40401);
      assertThat(reply.json().getString("message")).as(path).isEqualTo("Topic not found.");
      assertThat(reply.contentType()).as(path).isEqualTo(V2);
    }
  }

  @Test
  void unknownOrMalformedPartitionIsPartitionNotFound() {
    for (String partition : List.of("3", "-1", "abc", "99999999999")) {
      for (String path : List.of("/topics/" + topic + "/partitions/" + partition,
          "/topics/" + topic + "/partitions/" + partition + "/offsets")) {
        Http.Reply reply = get(path);
        assertError(reply, 404, 40402);
        assertThat(reply.json().getString("message")).as(path).isEqualTo("Partition not found.");
      }
    }
  }

  @Test
  void errorsAreApplicationJsonUnlessV2IsAskedFor() {
    // kafka-rest 6.0+ negotiates error bodies among application/json (its default) and vnd.kafka.v2+json.
    Http.Reply reply = http.get("/topics/" + topic + "/partitions/9/offsets").accept("*/*").send();

    assertError(reply, 404, 40402);
    assertThat(reply.contentType()).isEqualTo("application/json");
  }

  @Test
  void anAcceptNoGenerationSatisfiesIs406WithoutBody() {
    for (String path : List.of("/topics", "/topics/" + topic, "/topics/" + topic + "/partitions",
        "/topics/" + topic + "/partitions/0", "/topics/" + topic + "/partitions/0/offsets", "/brokers")) {
      Http.Reply reply = http.get(path).accept("text/plain").send();
      assertThat(reply.status()).as(path).isEqualTo(406);
      assertThat(reply.bytes()).as(path).isEmpty();
      assertThat(reply.contentType()).as(path).isNull();
    }
  }

  @Test
  void aWeightedAcceptListGetsTheBestMatch() {
    assertThat(http.get("/brokers").accept("application/vnd.kafka.v2+json; q=0.9, application/json; q=0.5").send()
        .contentType()).isEqualTo(V2);
    assertThat(http.get("/brokers").accept("text/html, application/vnd.kafka.v2+json; q=0.1").send().contentType())
        .isEqualTo(V2);
  }

  @Test
  void anotherMethodOnAMetadataPathIsNotAllowed() {
    Http.Reply reply = http.delete("/brokers").accept(V2).send();

    assertError(reply, 405, 405);
  }

  private static Http.Reply get(String path) {
    return http.get(path).accept(V2).send();
  }

  private static JsonObject expectedPartition(int partition) {
    return new JsonObject().put("partition", partition).put("leader", broker).put("replicas",
        new JsonArray().add(new JsonObject().put("broker", broker).put("leader", true).put("in_sync", true)));
  }
}
