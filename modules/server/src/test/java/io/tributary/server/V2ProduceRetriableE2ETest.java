package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A record that fails with a retriable Kafka error gets the per-record code 50003, and the request still answers
 * 200. This server's producer may not wait at all for metadata ({@code max.block.ms=0}), so its first record to a
 * topic it has not seen yet times out at once ("not present in metadata"), a retriable error.
 */
class V2ProduceRetriableE2ETest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("producer.max.block.ms", "0"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRetriableFailureIsReportedPerRecord() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-retriable"), 1);
    Http http = server.http();

    Http.Reply reply = http.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v2+json")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject offset = reply.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("error_code")).as("%s", reply).isEqualTo(50003);
    assertThat(offset.getString("error")).contains("not present in metadata");
    assertThat(offset.getValue("partition")).isNull();
    assertThat(offset.getValue("offset")).isNull();
  }
}
