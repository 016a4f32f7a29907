package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A record the broker itself refuses (here: no key for a compacted topic) is the client's mistake: a 4xx in each
 * generation's shape with Kafka's reason, never a 500, and nothing is written.
 */
class KafkaRefusedRecordsE2ETest {
  private static Http http;
  private static String clusterId;
  private static String compacted;

  @BeforeAll
  static void setUp() throws Exception {
    http = TestServer.shared().http();
    clusterId = TestKafka.admin().describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    compacted = TestKafka.uniqueTopic("compacted");
    TestKafka.admin().createTopics(List.of(new NewTopic(compacted, 1, (short) 1)
        .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
    // Produce once with a key through the proxy, so the topic is known everywhere before the keyless attempts.
    Http.Reply keyed = http.post("/topics/" + compacted).contentType("application/vnd.kafka.binary.v2+json")
        .body(new JsonObject().put("records", new JsonArray().add(new JsonObject().put("key", "aw==")
            .put("value", "dg=="))).encode()).send();
    assertThat(keyed.status()).as("%s", keyed).isEqualTo(200);
    assertThat(keyed.json().getJsonArray("offsets").getJsonObject(0).getValue("error_code")).as("%s", keyed)
        .isNull();
  }

  @Test
  void eventStreamsAnswers400WithKafkasReason() {
    Http.Reply reply = http.post("/topics/" + compacted + "/records").contentType("text/plain").body("no key").send();

    JsonObject body = assertEventStreamsError(reply, 400);
    assertThat(body.getString("message")).startsWith("Kafka refused the record: ").containsIgnoringCase("key")
        .doesNotContain("RecordError");
    assertThat(body.getJsonObject("error").getString("topic")).isEqualTo(compacted);
    assertNothingButTheKeyedRecordWritten();
  }

  @Test
  void v2GivesTheRecordA40002ReceiptWithKafkasReason() {
    Http.Reply reply = http.post("/topics/" + compacted).contentType("application/vnd.kafka.binary.v2+json")
        .body(new JsonObject().put("records", new JsonArray().add(new JsonObject().put("value", "dg=="))).encode())
        .send();

    // As kafka-rest: the request succeeds as a whole, the record's entry carries the refusal.
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject offset = reply.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("error_code")).as("%s", reply).isEqualTo(40002);
    assertThat(offset.getString("error")).containsIgnoringCase("key");
    assertThat(offset.getValue("offset")).isNull();
    ErrorAssert.assertNoInternals(reply);
    assertNothingButTheKeyedRecordWritten();
  }

  @Test
  void v3GivesTheRecordA40002ReceiptAndTheStreamGoesOn() {
    String path = "/v3/clusters/" + clusterId + "/topics/" + compacted + "/records";
    String keyless = new JsonObject().put("value", new JsonObject().put("type", "STRING").put("data", "v")).encode();
    Http.Reply reply = http.post(path).contentType("application/json").body(keyless).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject receipt = new JsonObject(reply.text().trim());
    assertThat(receipt.getInteger("error_code")).as("%s", reply).isEqualTo(40002);
    assertThat(receipt.getString("message")).containsIgnoringCase("key");
    ErrorAssert.assertNoInternals(reply);

    String batch = new JsonObject().put("entries", new JsonArray().add(new JsonObject(keyless).put("id", "a")))
        .encode();
    Http.Reply batchReply = http.post(path + ":batch").contentType("application/json").body(batch).send();
    assertThat(batchReply.status()).as("%s", batchReply).isEqualTo(207);
    JsonObject failure = batchReply.json().getJsonArray("failures").getJsonObject(0);
    assertThat(failure.getInteger("error_code")).isEqualTo(40002);
    assertThat(failure.getString("message")).containsIgnoringCase("key");
    assertNothingButTheKeyedRecordWritten();
  }

  private static void assertNothingButTheKeyedRecordWritten() {
    assertThat(TestKafka.readAll(compacted, 2, Duration.ofSeconds(2))).hasSize(1);
  }
}
