package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.ReplicaDescription;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.core.metadata.TopicNames;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * v1 and v2 metadata routes against a fake admin engine: the Accept header picks the generation on the shared
 * paths, and each renders the same engine reply in its own shape.
 */
class V1V2MetadataRoutesComponentTest extends RoutesComponentTest {
  private static final TopicDescription ORDERS = new TopicDescription("orders", false,
      Map.of("cleanup.policy", "delete"), List.of(new PartitionDescription(0, 1, List.of(
          new ReplicaDescription(1, true, true)))));

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.kafka.v1+json", "application/vnd.kafka.v2+json"})
  void topicsBrokersAndATopicComeFromTheEngineInTheAskedType(String accept) {
    engine.reply(AdminOps.TOPICS_LIST, new TopicNames(List.of("a", "orders")));
    engine.reply(AdminOps.BROKERS_LIST, new ClusterBrokers("c", 1, List.of(new BrokerDescription(1, "h",
        9092, null), new BrokerDescription(2, "h", 9093, null))));
    engine.reply(AdminOps.TOPIC_DESCRIBE, ORDERS);

    Http.Reply topics = http.get("/topics").accept(accept).send();
    Http.Reply brokers = http.get("/brokers").accept(accept).send();
    Http.Reply topic = http.get("/topics/orders").accept(accept).send();

    assertThat(topics.contentType()).isEqualTo(accept);
    assertThat(topics.array()).isEqualTo(new JsonArray().add("a").add("orders"));
    assertThat(brokers.json()).isEqualTo(new JsonObject().put("brokers", new JsonArray().add(1).add(2)));
    assertThat(topic.status()).as("%s", topic).isEqualTo(200);
    assertThat(topic.json().getString("name")).isEqualTo("orders");
    assertThat(topic.json().getJsonObject("configs").getString("cleanup.policy")).isEqualTo("delete");
    assertThat(topic.json().getJsonArray("partitions").getJsonObject(0).getInteger("leader")).isEqualTo(1);
    assertThat(engine.onlyRequest(AdminOps.TOPIC_DESCRIBE, DescribeTopic.class))
        .isEqualTo(new DescribeTopic("orders", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.kafka.v1+json", "application/vnd.kafka.v2+json"})
  void aPartitionTheTopicDoesNotHaveIs40402(String accept) {
    engine.reply(AdminOps.TOPIC_DESCRIBE, ORDERS);

    assertThat(http.get("/topics/orders/partitions/0").accept(accept).send().json().getInteger("leader"))
        .isEqualTo(1);
    assertError(http.get("/topics/orders/partitions/7").accept(accept).send(), 404, 40402);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.kafka.v1+json", "application/vnd.kafka.v2+json"})
  void anUnknownTopicIs40401OnItsPartitions(String accept) {
    engine.fail(AdminOps.TOPIC_DESCRIBE, ErrorCode.TOPIC_NOT_FOUND.toException());

    assertError(http.get("/topics/gone/partitions").accept(accept).send(), 404, 40401);
  }
}
