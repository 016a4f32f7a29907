package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v1 metadata reads (reference §2.2–2.4) over real HTTP against the real broker. */
class V1MetadataE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";

  private static Http http;
  private static String topic;
  private static int broker;

  @BeforeAll
  static void setUp() {
    http = TestServer.shared().http();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-meta"), 3);
    broker = http.get("/brokers").send().json().getJsonArray("brokers").getInteger(0);
  }

  @Test
  void listsTopicsAsABareArray() {
    Http.Reply reply = http.get("/topics").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    JsonArray names = reply.array();
    assertThat(names).contains(topic);
    assertThat(names.stream().toList()).allMatch(String.class::isInstance);
  }

  @Test
  void describesATopicWithConfigsAndPartitions() {
    Http.Reply reply = http.get("/topics/" + topic).send();

    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("name", "configs", "partitions");
    assertThat(body.getString("name")).isEqualTo(topic);
    JsonObject configs = body.getJsonObject("configs");
    assertThat(configs.getString("cleanup.policy")).isEqualTo("delete");
    assertThat(configs.getMap().values()).isNotEmpty().allMatch(String.class::isInstance);
    assertThat(new ArrayList<>(configs.fieldNames())).isSorted();
    JsonArray partitions = body.getJsonArray("partitions");
    assertThat(partitions).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(partitions.getJsonObject(i)).isEqualTo(expectedPartition(i));
    }
  }

  @Test
  void listsPartitionsAsABareArray() {
    Http.Reply reply = http.get("/topics/" + topic + "/partitions").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    assertThat(reply.array()).isEqualTo(new JsonArray(List.of(expectedPartition(0), expectedPartition(1),
        expectedPartition(2))));
  }

  @Test
  void describesOnePartition() {
    Http.Reply reply = http.get("/topics/" + topic + "/partitions/2").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    assertThat(reply.json()).isEqualTo(expectedPartition(2));
  }

  @Test
  void listsBrokers() {
    Http.Reply reply = http.get("/brokers").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V1);
    assertThat(reply.json()).isEqualTo(new JsonObject().put("brokers", new JsonArray().add(broker)));
  }

  @Test
  void unknownTopicIsTopicNotFoundOnEveryEndpoint() {
    String missing = TestKafka.uniqueTopic("v1-missing");
    for (String path : List.of("/topics/" + missing, "/topics/" + missing + "/partitions",
        "/topics/" + missing + "/partitions/0")) {
      Http.Reply reply = http.get(path).send();
      assertError(reply, 404, 40401);
      assertThat(reply.json().getString("message")).isEqualTo("Topic not found.");
      assertThat(reply.contentType()).isEqualTo(V1);
    }
  }

  @Test
  void unknownOrMalformedPartitionIsPartitionNotFound() {
    for (String partition : List.of("3", "-1", "abc", "99999999999")) {
      Http.Reply reply = http.get("/topics/" + topic + "/partitions/" + partition).send();
      assertError(reply, 404, 40402);
      assertThat(reply.json().getString("message")).isEqualTo("Partition not found.");
    }
  }

  @Test
  void unacceptableAcceptIs406WithoutBody() {
    for (String path : List.of("/topics", "/topics/" + topic, "/topics/" + topic + "/partitions",
        "/topics/" + topic + "/partitions/0", "/brokers")) {
      Http.Reply reply = http.get(path).accept("text/plain").send();
      assertThat(reply.status()).as(path).isEqualTo(406);
      assertThat(reply.bytes()).as(path).isEmpty();
    }
  }

  @Test
  void echoesTheNegotiatedType() {
    assertThat(http.get("/topics").accept("application/json").send().contentType()).isEqualTo("application/json");
    assertThat(http.get("/brokers").accept("application/vnd.kafka+json").send().contentType())
        .isEqualTo("application/vnd.kafka+json");
    assertThat(http.get("/topics/" + topic).accept("application/json; q=0.9, application/vnd.kafka.v1+json; q=0.2")
        .send().contentType()).isEqualTo("application/json");
    assertThat(http.get("/topics/" + topic).accept("*/*").send().contentType()).isEqualTo(V1);
  }

  @Test
  void readinessAsksKafka() {
    Http.Reply reply = http.get("/health/ready").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("READY");
    assertThat(reply.json().getJsonObject("kafka").getInteger("brokers")).isEqualTo(1);
  }

  private static JsonObject expectedPartition(int partition) {
    return new JsonObject().put("partition", partition).put("leader", broker).put("replicas",
        new JsonArray().add(new JsonObject().put("broker", broker).put("leader", true).put("in_sync", true)));
  }
}
