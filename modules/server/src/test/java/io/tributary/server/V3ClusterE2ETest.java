package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v3 clusters, brokers, broker configs and cluster-wide broker configs, against the real broker (id 1). */
class V3ClusterE2ETest {
  private static TestServer server;
  private static V3Client v3;

  @BeforeAll
  static void start() {
    server = TestServer.shared();
    v3 = V3Client.of(server.http(), "/v3");
  }

  @Test
  void theClusterListHasTheOneClusterWithItsLinks() {
    JsonObject list = v3.send("GET", "/v3/clusters", null, null).json();

    assertThat(list.getString("kind")).isEqualTo("KafkaClusterList");
    assertThat(list.getJsonObject("metadata").getString("self")).isEqualTo(server.baseUrl() + "/v3/clusters");
    assertThat(list.getJsonObject("metadata").containsKey("next")).isTrue();
    assertThat(list.getJsonObject("metadata").getValue("next")).isNull();
    JsonObject cluster = list.getJsonArray("data").getJsonObject(0);
    assertThat(cluster.getJsonObject("metadata").getString("self")).isEqualTo(v3.url(""));
    assertThat(cluster.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId());
    assertThat(cluster.getJsonObject("controller").getString("related")).isEqualTo(v3.url("/brokers/1"));
    assertThat(cluster.getJsonObject("broker_configs").getString("related")).isEqualTo(v3.url("/broker-configs"));
    assertThat(cluster.getJsonObject("partition_reassignments").getString("related"))
        .isEqualTo(v3.url("/topics/-/partitions/-/reassignment"));
    assertThat(v3.get("").json()).isEqualTo(cluster);
  }

  @Test
  void brokersAndOneBroker() {
    JsonObject brokers = v3.get("/brokers").json();
    assertThat(brokers.getString("kind")).isEqualTo("KafkaBrokerList");
    assertThat(brokers.getJsonArray("data")).hasSize(1);

    JsonObject broker = v3.get("/brokers/1").json();
    assertThat(broker.getString("kind")).isEqualTo("KafkaBroker");
    assertThat(broker.getInteger("broker_id")).isEqualTo(1);
    assertThat(broker.getString("host")).isEqualTo("127.0.0.1");
    assertThat(broker.containsKey("rack")).as("absent rack is left out").isFalse();
    assertThat(broker.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/broker=1");
    assertThat(broker.getJsonObject("configs").getString("related")).isEqualTo(v3.url("/brokers/1/configs"));

    assertError(v3.get("/brokers/7"), 404, 404);
    assertError(v3.get("/brokers/abc"), 404, 404);
  }

  @Test
  void brokerConfigsListGetSetAndReset() {
    String name = "log.cleaner.backoff.ms";
    JsonObject list = v3.get("/brokers/1/configs").json();
    assertThat(list.getString("kind")).isEqualTo("KafkaBrokerConfigList");
    JsonObject listed = find(list, name).orElseThrow();
    assertThat(listed.getString("kind")).isEqualTo("KafkaBrokerConfig");
    assertThat(listed.getInteger("broker_id")).isEqualTo(1);
    assertThat(listed.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/broker=1/config=" + name);
    assertThat(v3.get("/brokers/1/configs/" + name).json()).isEqualTo(listed);

    assertThat(v3.put("/brokers/1/configs/" + name, "{\"value\":\"15001\"}").status()).isEqualTo(204);
    JsonObject set = Eventually.get(() -> v3.get("/brokers/1/configs/" + name).json(),
        c -> "15001".equals(c.getString("value")));
    assertThat(set.getString("value")).isEqualTo("15001");
    assertThat(set.getString("source")).isEqualTo("DYNAMIC_BROKER_CONFIG");
    assertThat(set.getBoolean("is_default")).isFalse();

    assertThat(v3.delete("/brokers/1/configs/" + name).status()).isEqualTo(204);
    JsonObject reset = Eventually.get(() -> v3.get("/brokers/1/configs/" + name).json(),
        c -> !"DYNAMIC_BROKER_CONFIG".equals(c.getString("source")));
    assertThat(reset.getString("source")).isNotEqualTo("DYNAMIC_BROKER_CONFIG");
  }

  @Test
  void brokerConfigsBatchAlterAndAllBrokers() {
    String name = "log.cleaner.backoff.ms";
    String body = "{\"data\":[{\"name\":\"" + name + "\",\"value\":\"15002\"}]}";
    assertThat(v3.post("/brokers/1/configs:alter", body).status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/brokers/1/configs/" + name).json(), c -> "15002".equals(c.getString("value")));

    JsonObject all = v3.get("/brokers/-/configs").json();
    assertThat(all.getString("kind")).isEqualTo("KafkaBrokerConfigList");
    assertThat(all.getJsonObject("metadata").getString("self")).isEqualTo(v3.url("/brokers/-/configs"));
    assertThat(find(all, name).orElseThrow().getInteger("broker_id")).isEqualTo(1);

    String reset = "{\"data\":[{\"name\":\"" + name + "\",\"operation\":\"DELETE\"}]}";
    assertThat(v3.post("/brokers/1/configs:alter", reset).status()).isEqualTo(204);
  }

  @Test
  void unknownBrokerConfigNamesAre404() {
    assertError(v3.get("/brokers/1/configs/no.such.config"), 404, 404);
    Http.Reply put = v3.put("/brokers/1/configs/no.such.config", "{\"value\":\"1\"}");
    assertError(put, 404, 404);
    assertThat(put.json().getString("message")).isEqualTo(
        "Config no.such.config cannot be found for BROKER 1 in cluster " + v3.clusterId() + ".");
    assertError(v3.post("/brokers/1/configs:alter", "{\"data\":[{\"name\":\"no.such.config\",\"value\":\"1\"}]}"),
        404, 404);
  }

  @Test
  void clusterWideConfigsCanBeSetListedAndRemoved() {
    String name = "log.cleaner.io.max.bytes.per.second";
    assertThat(v3.put("/broker-configs/" + name, "{\"value\":\"1.0E9\"}").status()).isEqualTo(204);
    JsonObject list = Eventually.get(() -> v3.get("/broker-configs").json(), l -> find(l, name).isPresent());
    assertThat(list.getString("kind")).isEqualTo("KafkaClusterConfigList");
    JsonObject config = find(list, name).orElseThrow();
    assertThat(config.getString("kind")).isEqualTo("KafkaClusterConfig");
    assertThat(config.getString("config_type")).isEqualTo("BROKER");
    assertThat(config.getString("source")).isEqualTo("DYNAMIC_DEFAULT_BROKER_CONFIG");
    assertThat(config.getJsonObject("metadata").getString("self")).isEqualTo(v3.url("/broker-configs/" + name));
    assertThat(config.getJsonObject("metadata").getString("resource_name"))
        .isEqualTo("crn:///kafka=" + v3.clusterId() + "/broker-config=" + name);
    assertThat(v3.get("/broker-configs/" + name).json().getString("name")).isEqualTo(name);

    String batch = "{\"data\":[{\"name\":\"" + name + "\",\"operation\":\"DELETE\"}]}";
    assertThat(v3.post("/broker-configs:alter", batch).status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/broker-configs").json(), l -> find(l, name).isEmpty());
    assertError(Eventually.get(() -> v3.get("/broker-configs/" + name), r -> r.status() == 404), 404, 404);

    assertThat(v3.put("/broker-configs/" + name, "{\"value\":\"2.0E9\"}").status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/broker-configs").json(), l -> find(l, name).isPresent());
    assertThat(v3.delete("/broker-configs/" + name).status()).isEqualTo(204);
    Eventually.get(() -> v3.get("/broker-configs").json(), l -> find(l, name).isEmpty());
  }

  @Test
  void configBodiesAreChecked() {
    assertError(v3.put("/brokers/1/configs/log.cleaner.backoff.ms", ""), 422, 42206);
    assertError(v3.put("/brokers/1/configs/log.cleaner.backoff.ms", "{\"value\":1,"), 400, 400);
    assertError(v3.put("/brokers/1/configs/log.cleaner.backoff.ms", "{\"valu\":\"1\"}"), 422, 422);
    assertError(v3.post("/brokers/1/configs:alter", "{\"data\":[{\"name\":\"x\",\"operation\":\"DROP\"}]}"), 400,
        400);
    assertError(v3.post("/broker-configs:alter", "{}"), 422, 42206);
  }

  @Test
  void anUnknownClusterIs404EverywhereWithItsOwnMessage() {
    for (String path : List.of("/v3/clusters/nope", "/v3/clusters/nope/brokers", "/v3/clusters/nope/topics",
        "/v3/clusters/nope/consumer-groups", "/v3/clusters/nope/acls", "/v3/clusters/nope/broker-configs")) {
      Http.Reply reply = v3.send("GET", path, null, null);
      assertError(reply, 404, 404);
      assertThat(reply.json().getString("message")).isEqualTo("Cluster nope cannot be found.");
      assertThat(reply.contentType()).isEqualTo("application/json");
    }
    assertError(v3.send("POST", "/v3/clusters/nope/topics", "{\"topic_name\":\"x\"}", "application/json"), 404,
        404);
  }

  @Test
  void mediaTypesAreApplicationJsonOnly() {
    Http.Reply notAcceptable = v3.send("GET", v3.cluster("/brokers"), null, null, "Accept", "text/plain");
    assertThat(notAcceptable.status()).isEqualTo(406);
    assertThat(notAcceptable.bytes()).isEmpty();

    Http.Reply unsupported = v3.send("POST", v3.cluster("/topics"), "{\"topic_name\":\"x\"}", "text/plain");
    assertError(unsupported, 415, 415);
    assertThat(unsupported.contentType()).isEqualTo("application/json");

    assertThat(v3.send("GET", v3.cluster("/brokers"), null, null, "Accept", "application/json").status())
        .isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsUnderV3AnswerInTheV3Shape() {
    Http.Reply unknown = server.http().get("/v3/clusters/" + v3.clusterId() + "/nothing").send();
    assertError(unknown, 404, 404);
    assertThat(unknown.contentType()).isEqualTo("application/json");

    Http.Reply method = server.http().put("/v3/clusters/" + v3.clusterId() + "/brokers").send();
    assertError(method, 405, 405);
    assertThat(method.contentType()).isEqualTo("application/json");
  }

  @Test
  void theKafkaPrefixServesTheSameApiWithItsOwnUrls() {
    V3Client kafka = V3Client.of(server.http(), "/kafka/v3");
    JsonObject cluster = kafka.get("").json();

    assertThat(kafka.clusterId()).isEqualTo(v3.clusterId());
    assertThat(cluster.getJsonObject("metadata").getString("self"))
        .isEqualTo(server.baseUrl() + "/kafka/v3/clusters/" + v3.clusterId());
    assertThat(cluster.getJsonObject("brokers").getString("related")).startsWith(server.baseUrl() + "/kafka/v3/");
    assertThat(kafka.get("/brokers/1").json().getInteger("broker_id")).isEqualTo(1);
    assertError(kafka.send("GET", "/kafka/v3/clusters/nope", null, null), 404, 404);
  }

  static Optional<JsonObject> find(JsonObject list, String name) {
    JsonArray data = list.getJsonArray("data");
    for (int i = 0; i < data.size(); i++) {
      if (name.equals(data.getJsonObject(i).getString("name"))) {
        return Optional.of(data.getJsonObject(i));
      }
    }
    return Optional.empty();
  }
}
