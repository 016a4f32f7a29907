package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v3 administration with API keys: cluster-wide endpoints need admin on some topic pattern, topic endpoints admin on
 * the topic, and topic listings show only what the key may see.
 */
class V3AdminAuthE2ETest {
  private static final String OPS = "ops-key-0001";
  private static final String ORDERS_ADMIN = "orders-admin-key-0002";
  private static final String PRODUCER = "producer-key-0003";

  @TempDir
  static Path dir;

  private static TestServer server;
  private static V3Client v3;
  private static String orders;
  private static String payments;

  @BeforeAll
  static void start() throws IOException {
    JsonArray keys = new JsonArray()
        .add(key("ops", OPS, "*", "admin"))
        .add(key("orders-admin", ORDERS_ADMIN, "orders*", "admin"))
        .add(key("producer", PRODUCER, "orders*", "produce"));
    Path file = Files.writeString(dir.resolve("keys.json"), new JsonObject().put("api_keys", keys).encode());
    server = TestServer.start(Map.of("auth.api.keys.file", file.toString(),
        "confluent.resource.name.authority", "tributary.example"));
    orders = TestKafka.createTopic(TestKafka.uniqueTopic("orders"), 1);
    payments = TestKafka.createTopic(TestKafka.uniqueTopic("payments"), 1);
    v3 = V3Client.of(server.http(), "/v3", "X-Auth-Token", OPS);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withoutAKeyEverythingIs401() {
    assertError(v3.send("GET", "/v3/clusters", null, null), 401, 40101);
  }

  @Test
  void clusterEndpointsNeedAdminOnSomeTopic() {
    for (String path : List.of("/v3/clusters", v3.cluster("/brokers"), v3.cluster("/consumer-groups"),
        v3.cluster("/acls"), v3.cluster("/broker-configs"), v3.cluster("/topics/-/configs"))) {
      assertThat(get(path, ORDERS_ADMIN).status()).as(path).isEqualTo(200);
      assertError(get(path, PRODUCER), 403, 40301);
    }
  }

  @Test
  void topicEndpointsNeedAdminOnThatTopic() {
    assertThat(get(v3.cluster("/topics/" + orders), ORDERS_ADMIN).status()).isEqualTo(200);
    assertThat(get(v3.cluster("/topics/" + orders + "/partitions"), ORDERS_ADMIN).status()).isEqualTo(200);
    assertError(get(v3.cluster("/topics/" + payments), ORDERS_ADMIN), 403, 40301);
    assertError(get(v3.cluster("/topics/" + payments + "/configs"), ORDERS_ADMIN), 403, 40301);
    assertError(get(v3.cluster("/topics/" + orders), PRODUCER), 403, 40301);

    String other = TestKafka.uniqueTopic("payments");
    assertError(v3.send("POST", v3.cluster("/topics"), "{\"topic_name\":\"" + other + "\"}", "application/json",
        "X-Auth-Token", ORDERS_ADMIN), 403, 40301);
    assertError(v3.send("DELETE", v3.cluster("/topics/" + payments), null, null, "X-Auth-Token", ORDERS_ADMIN),
        403, 40301);
  }

  @Test
  void topicListingsShowOnlyVisibleTopics() {
    List<String> forProducer = names(get(v3.cluster("/topics"), PRODUCER).json());
    assertThat(forProducer).contains(orders).doesNotContain(payments);
    assertThat(forProducer).allMatch(name -> name.startsWith("orders"));
    assertThat(names(get(v3.cluster("/topics"), OPS).json())).contains(orders, payments);

    JsonObject configs = get(v3.cluster("/topics/-/configs"), ORDERS_ADMIN).json();
    assertThat(configs.getJsonArray("data").stream().map(c -> ((JsonObject) c).getString("topic_name")))
        .contains(orders).doesNotContain(payments);
  }

  @Test
  void theConfiguredAuthorityIsPartOfEveryCrn() {
    JsonObject topic = get(v3.cluster("/topics/" + orders), OPS).json();
    assertThat(topic.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn://tributary.example/kafka=" + v3.clusterId() + "/topic=" + orders);
  }

  private static Http.Reply get(String path, String key) {
    return v3.send("GET", path, null, null, "X-Auth-Token", key);
  }

  private static List<String> names(JsonObject list) {
    return list.getJsonArray("data").stream().map(t -> ((JsonObject) t).getString("topic_name")).toList();
  }

  private static JsonObject key(String principal, String key, String topics, String operation) {
    return new JsonObject().put("principal", principal).put("key", key).put("permissions", new JsonArray()
        .add(new JsonObject().put("topics", new JsonArray().add(topics))
            .put("operations", new JsonArray().add(operation))));
  }
}
