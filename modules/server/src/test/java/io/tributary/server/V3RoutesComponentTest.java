package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.admin.ClusterId;
import io.tributary.core.admin.CreateTopic;
import io.tributary.core.admin.TopicCreated;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.testkit.Http;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * v3 administration and produce routes against a fake admin and produce engine: the cluster check, what reaches
 * the engine, how replies and failures are rendered (administration responses are checked against the v3 OpenAPI
 * document by {@link V3Client}).
 */
class V3RoutesComponentTest extends RoutesComponentTest {
  private static final String CLUSTER = "fake-cluster";

  /** Runs after the frame's start-up: the cluster every v3 path names. */
  @BeforeEach
  void answerTheClusterQuestions() {
    engine.reply(AdminOps.CLUSTER_ID, new ClusterId(CLUSTER));
    ClusterBrokers brokers = new ClusterBrokers(CLUSTER, 1, List.of(new BrokerDescription(1, "kafka-1", 9092,
        null)));
    engine.reply(AdminOps.BROKERS_LIST, brokers);
    engine.reply(AdminOps.PING, brokers);
  }


  @Test
  void theClusterListIsBuiltFromTheEnginesBrokers() {
    V3Client v3 = V3Client.of(http, "/v3");

    assertThat(v3.clusterId()).isEqualTo(CLUSTER);
    JsonObject broker = v3.get("/brokers/1").json();
    assertThat(broker.getString("host")).isEqualTo("kafka-1");
    assertThat(broker.getInteger("port")).isEqualTo(9092);
    assertError(v3.get("/brokers/2"), 404, 404);
  }

  @Test
  void aTopicIsCreatedWithWhatTheBodySaysAndTheAnswerPointsAtIt() {
    engine.reply(AdminOps.TOPIC_CREATE, new TopicCreated("payments", 3, 1));
    V3Client v3 = V3Client.of(http, "/v3");

    Http.Reply reply = v3.post("/topics", "{\"topic_name\":\"payments\",\"partitions_count\":3,"
        + "\"configs\":[{\"name\":\"cleanup.policy\",\"value\":\"compact\"}]}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.header("Location")).endsWith("/v3/clusters/" + CLUSTER + "/topics/payments");
    assertThat(reply.json().getInteger("partitions_count")).isEqualTo(3);
    assertThat(engine.onlyRequest(AdminOps.TOPIC_CREATE, CreateTopic.class)).isEqualTo(new CreateTopic(
        "payments", 3, null, Map.of(), Map.of("cleanup.policy", "compact"), false));
  }

  @Test
  void aBadBodyOrAnotherClusterNeverReachesTheEngine() {
    engine.reply(AdminOps.TOPIC_CREATE, new TopicCreated("payments", 1, 1));
    V3Client v3 = V3Client.of(http, "/v3");

    assertError(v3.post("/topics", "{}"), 400, 400);
    assertError(v3.post("/topics", "{\"topic_name\":"), 400, 400);
    Http.Reply elsewhere = http.post("/v3/clusters/other/topics").contentType("application/json")
        .body("{\"topic_name\":\"payments\"}").send();
    assertError(elsewhere, 404, 404);
    assertThat(elsewhere.json().getString("message")).isEqualTo("Cluster other cannot be found.");

    assertThat(engine.requests(AdminOps.TOPIC_CREATE)).isEmpty();
  }

  @Test
  void theEnginesFailureIsRenderedInV3Terms() {
    engine.fail(AdminOps.TOPIC_DETAILS, ErrorCode.TOPIC_NOT_FOUND.toException());
    engine.fail(AdminOps.TOPIC_CREATE, ErrorCode.TOPIC_NOT_FOUND.toException());
    engine.fail(AdminOps.TOPIC_DELETE, ErrorCode.PAYLOAD_TOO_LARGE.toException());
    V3Client v3 = V3Client.of(http, "/v3");

    // An unknown topic is v3's 40403 ("does not host this topic-partition"), except on GET of the topic (404).
    assertError(v3.post("/topics", "{\"topic_name\":\"payments\"}"), 404, 40403);
    assertError(v3.get("/topics/payments"), 404, 404);
    // Any other failure keeps its code.
    assertError(v3.delete("/topics/payments"), 413, ErrorCode.PAYLOAD_TOO_LARGE.code());
  }

  @Test
  void producedRecordsReachTheEngineAsV3RecordsAndEachGetsItsReceipt() {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(0, 12L, 1_000L))));

    Http.Reply reply = http.post("/v3/clusters/" + CLUSTER + "/topics/greetings/records")
        .contentType("application/json").body("{\"value\":{\"type\":\"STRING\",\"data\":\"hello\"}}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject receipt = new JsonObject(reply.text().trim());
    assertThat(receipt.getInteger("error_code")).isEqualTo(200);
    assertThat(receipt.getString("topic_name")).isEqualTo("greetings");
    assertThat(receipt.getLong("offset")).isEqualTo(12L);
    ProduceRequest sent = engine.onlyRequest(ProduceOps.SEND, ProduceRequest.class);
    assertThat(sent.topic()).isEqualTo("greetings");
    assertThat(sent.origin().generation()).isEqualTo(ProduceGeneration.V3);
    assertThat(sent.origin().format()).isEqualTo(ProduceFormat.STRING);
    assertThat(new String(sent.records().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void aRecordThatDoesNotParseGetsA400ReceiptAndIsNotSent() {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(0, 0L, 1L))));

    Http.Reply reply = http.post("/v3/clusters/" + CLUSTER + "/topics/greetings/records")
        .contentType("application/json").body("{\"value\":{\"type\":\"NO_SUCH_TYPE\",\"data\":1}}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(new JsonObject(reply.text().trim()).getInteger("error_code")).isEqualTo(400);
    assertThat(engine.requests(ProduceOps.SEND)).isEmpty();
  }
}
