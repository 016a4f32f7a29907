package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** v1 produce over HTTP against the real broker: what clients of kafka-rest ≤5.5 send, and what lands in Kafka. */
class V1ProduceE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String JSON = "application/vnd.kafka.json.v1+json";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static Http http;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
  }

  @Test
  void theIssuesCurlExampleProducesToANewTopic() {
    String topic = TestKafka.uniqueTopic("mytopic");

    Http.Reply reply = http.post("/topics/" + topic).header("X-Auth-Token", "APIKEY").contentType(BINARY)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/vnd.kafka.v1+json");
    JsonObject offset = reply.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("partition")).isZero();
    assertThat(offset.getLong("offset")).isZero();
    assertThat(offset.containsKey("error_code")).isTrue();
    assertThat(offset.getValue("error_code")).isNull();
    assertThat(offset.containsKey("error")).isTrue();
    assertThat(offset.getValue("error")).isNull();
    assertThat(reply.json().fieldNames()).contains("key_schema_id", "value_schema_id");
    assertThat(reply.json().getValue("key_schema_id")).isNull();
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("hello"));
  }

  @Test
  void thePartitionEndpointWritesEveryRecordToItsPartition() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-partition"), 3);

    Http.Reply reply = http.post("/topics/" + topic + "/partitions/1").contentType(BINARY)
        .body("{\"records\":[{\"key\":\"AQ==\",\"value\":\"Ag==\"},{\"value\":\"Aw==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonArray offsets = reply.json().getJsonArray("offsets");
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getInteger("partition"))).containsExactly(1, 1);
    assertThat(offsets.stream().map(o -> ((JsonObject) o).getLong("offset"))).containsExactly(0L, 1L);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 2, READ_TIMEOUT);
    assertThat(stored).extracting(ConsumerRecord::partition).containsExactly(1, 1);
    assertThat(stored.get(0).key()).containsExactly(1);
    assertThat(stored.get(0).value()).containsExactly(2);
    assertThat(stored.get(1).value()).containsExactly(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.kafka.v1+json", "application/vnd.kafka+json", "application/json",
      "application/octet-stream", "application/json; charset=UTF-8"})
  void everyUnversionedContentTypeMeansBinary(String contentType) {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-unversioned"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(contentType)
        .body("{\"records\":[{\"value\":\"aGVsbG8=\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, READ_TIMEOUT)).singleElement()
        .satisfies(r -> assertThat(utf8(r.value())).isEqualTo("hello"));
  }

  @Test
  void theResponseTypeIsNegotiatedFromAccept() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-accept"), 1);

    Http.Reply reply = http.post("/topics/" + topic).contentType(BINARY).accept("application/json")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
