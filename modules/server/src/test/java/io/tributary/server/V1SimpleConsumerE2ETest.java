package io.tributary.server;

import static io.tributary.server.ConsumerTestData.base64;
import static io.tributary.server.ConsumerTestData.fromBase64;
import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 simple consumer: {@code GET /topics/{t}/partitions/{p}/messages} against the real broker. */
class V1SimpleConsumerE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String JSON_EMBEDDED = "application/vnd.kafka.json.v1+json";
  private static final long T0 = 1_600_000_000_000L;

  private static String topic;
  private static Http http;

  @BeforeAll
  static void data() {
    http = TestServer.shared().http();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-simple"), 2);
    produce(topic, new Rec(0, null, "confluent", T0), new Rec(0, "key", "logs", T0 + 1_000),
        new Rec(0, "k2", "third", T0 + 2_000), new Rec(1, null, "other partition", T0));
  }

  @Test
  void theIssuesCurlExampleReadsOneBase64RecordWithAnApiKey(@TempDir Path dir)
      throws IOException {
    String keyedTopic = TestKafka.createTopic(TestKafka.uniqueTopic("simple-auth"), 1);
    produce(keyedTopic, Rec.of(0, null, "hello"), Rec.of(0, "a", "world"));
    Path keys = dir.resolve("keys.json");
    Files.writeString(keys, new JsonObject().put("api_keys", new JsonArray()
        .add(new JsonObject().put("principal", "reader").put("key", "reader-key").put("permissions",
            new JsonArray().add(new JsonObject().put("topics", new JsonArray().add("simple-auth-*"))
                .put("operations", new JsonArray().add("consume")))))
        .add(new JsonObject().put("principal", "stranger").put("key", "stranger-key").put("permissions",
            new JsonArray().add(new JsonObject().put("topics", new JsonArray().add("elsewhere"))
                .put("operations", new JsonArray().add("consume")))))).encode());
    try (TestServer server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()))) {
      Http.Reply reply = server.http().get("/topics/" + keyedTopic + "/partitions/0/messages?offset=0")
          .header("X-Auth-Token", "reader-key").accept(BINARY).send();

      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo(BINARY);
      JsonArray records = reply.array();
      assertThat(records).hasSize(1);
      JsonObject first = records.getJsonObject(0);
      assertThat(first.getString("topic")).isEqualTo(keyedTopic);
      assertThat(first.containsKey("key")).isTrue();
      assertThat(first.getValue("key")).isNull();
      assertThat(first.getString("value")).isEqualTo(base64("hello"));
      assertThat(first.getInteger("partition")).isZero();
      assertThat(first.getLong("offset")).isZero();

      assertError(server.http().get("/topics/" + keyedTopic + "/partitions/0/messages?offset=0")
          .header("X-Auth-Token", "stranger-key").accept(BINARY).send(), 403, 40301);
      assertError(server.http().get("/topics/" + keyedTopic + "/partitions/0/messages?offset=0")
          .accept(BINARY).send(), 401, 40101);
    }
  }

  @Test
  void countReadsOnInOffsetOrderAndStopsAtTheEndOfTheLog() {
    JsonArray two = read("?offset=1&count=2", BINARY);
    assertThat(two).hasSize(2);
    assertThat(two.getJsonObject(0).getLong("offset")).isEqualTo(1);
    assertThat(two.getJsonObject(0).getString("key")).isEqualTo(base64("key"));
    assertThat(fromBase64(two.getJsonObject(0).getString("value"))).isEqualTo("logs");
    assertThat(two.getJsonObject(1).getLong("offset")).isEqualTo(2);

    JsonArray rest = read("?offset=0&count=100", BINARY);
    assertThat(rest).extracting(o -> ((JsonObject) o).getLong("offset")).containsExactly(0L, 1L, 2L);
    assertThat(rest).allSatisfy(o -> assertThat(((JsonObject) o).getInteger("partition")).isZero());

    assertThat(read("?offset=3&count=5", BINARY)).isEmpty();
    assertThat(read("?offset=0&count=0", BINARY)).isEmpty();
  }

  @Test
  void otherPartitionsAreReadByTheirOwnPath() {
    JsonArray records = http.get("/topics/" + topic + "/partitions/1/messages?offset=0&count=10").send().array();
    assertThat(records).hasSize(1);
    assertThat(fromBase64(records.getJsonObject(0).getString("value"))).isEqualTo("other partition");
    assertThat(records.getJsonObject(0).getInteger("partition")).isEqualTo(1);
  }

  @Test
  void aTimestampStartsAtTheFirstRecordAtOrAfterIt() {
    String between = Instant.ofEpochMilli(T0 + 500).toString();
    JsonArray records = read("?timestamp=" + between + "&count=10", BINARY);
    assertThat(records).extracting(o -> ((JsonObject) o).getLong("offset")).containsExactly(1L, 2L);

    assertThat(read("?timestamp=" + Instant.ofEpochMilli(T0 + 60_000) + "&count=10", BINARY)).isEmpty();
    assertThat(read("?timestamp=2020-09-13T12:26:41.500%2B00:00", BINARY))
        .extracting(o -> ((JsonObject) o).getLong("offset")).containsExactly(2L);
  }

  @Test
  void theJsonFormatParsesStoredJson() {
    String jsonTopic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-simple-json"), 1);
    produce(jsonTopic, Rec.of(0, "\"id-1\"", "{\"n\":1,\"tags\":[\"a\"]}"));
    Http.Reply reply = http.get("/topics/" + jsonTopic + "/partitions/0/messages?offset=0").accept(JSON_EMBEDDED)
        .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(JSON_EMBEDDED);
    JsonObject record = reply.array().getJsonObject(0);
    assertThat(record.getString("key")).isEqualTo("id-1");
    assertThat(record.getJsonObject("value")).isEqualTo(new JsonObject().put("n", 1).put("tags",
        new JsonArray().add("a")));
  }

  @Test
  void bytesThatAreNotJsonCannotBeReadAsJson() {
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=0").accept(JSON_EMBEDDED).send(),
        500, 50002);
  }

  @Test
  void aGenericAcceptGetsBinaryAndTheTypeItAskedFor() {
    Http.Reply reply = http.get("/topics/" + topic + "/partitions/0/messages?offset=0")
        .accept("application/json").send();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.array().getJsonObject(0).getString("value")).isEqualTo(base64("confluent"));

    assertThat(http.get("/topics/" + topic + "/partitions/0/messages?offset=0").send().contentType())
        .isEqualTo(BINARY);
  }

  @Test
  void unknownTopicsAndPartitionsAreNotFound() {
    assertError(http.get("/topics/" + TestKafka.uniqueTopic("missing") + "/partitions/0/messages?offset=0")
        .accept(BINARY).send(), 404, 40401);
    assertError(http.get("/topics/" + topic + "/partitions/7/messages?offset=0").accept(BINARY).send(), 404,
        40402);
    assertError(http.get("/topics/" + topic + "/partitions/x/messages?offset=0").accept(BINARY).send(), 404,
        40402);
  }

  @Test
  void exactlyOneOfOffsetAndTimestampIsRequired() {
    Http.Reply neither = http.get("/topics/" + topic + "/partitions/0/messages").accept(BINARY).send();
    assertError(neither, 400, 400);
    assertThat(neither.json().getString("message"))
        .isEqualTo("Either `offset` or `timestamp` query parameters must be set.");
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=0&timestamp=2020-01-01T00:00:00Z")
        .accept(BINARY).send(), 400, 400);
  }

  @Test
  void badNumbersAndDatesAreBadRequests() {
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=abc").send(), 400, 400);
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=-1").send(), 400, 400);
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?offset=0&count=many").send(), 400, 400);
    assertError(http.get("/topics/" + topic + "/partitions/0/messages?timestamp=yesterday").send(), 400, 400);
  }

  @Test
  void anUnacceptableAcceptIs406WithoutBody() {
    Http.Reply reply = http.get("/topics/" + topic + "/partitions/0/messages?offset=0").accept("text/plain").send();
    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.bytes()).isEmpty();
  }

  private static JsonArray read(String query, String accept) {
    Http.Reply reply = http.get("/topics/" + topic + "/partitions/0/messages" + query).accept(accept).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.array();
  }
}
