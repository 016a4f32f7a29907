package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Event Streams REST producer, {@code POST /topics/{t}/records}, over plain HTTP with authentication off. */
class EventStreamsProduceE2ETest {
  private static Http http;
  private static String topic;

  @BeforeAll
  static void start() {
    http = TestServer.shared().http();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("es"), 1);
  }

  private static Http.Call produce(String query) {
    return http.post("/topics/" + topic + "/records" + query).accept("application/json");
  }

  /** The Event Streams error body: the status at the top and inside {@code error}. */
  static JsonObject assertEventStreamsError(Http.Reply reply, int status) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonObject body = reply.json();
    assertThat(body.getInteger("error_code")).isEqualTo(status);
    assertThat(body.getString("message")).isNotBlank();
    assertThat(body.getJsonObject("error").getInteger("error_code")).isEqualTo(status);
    assertThat(body.getJsonObject("error").getString("message")).isEqualTo(body.getString("message"));
    ErrorAssert.assertNoInternals(reply);
    return body;
  }

  @Test
  void keysAndHeadersArriveExactlyAsSentAndTheBodyIsTheValueByteForByte() {
    String es = TestKafka.createTopic(TestKafka.uniqueTopic("es-exact"), 1);
    byte[] binaryKey = {0, (byte) 0xff, 0x10, (byte) 0x80};
    byte[] value = {(byte) 0xca, (byte) 0xfe, 0, 0x0a, (byte) 0xba, (byte) 0xbe};

    Http.Reply text = http.post("/topics/" + es + "/records?key=caf%C3%A9%20k&headers=colour:726564,size:,colour:00ff")
        .contentType("text/plain").body("  plain text, kept as is \n").send();
    Http.Reply binary = http.post("/topics/" + es + "/records?keyType=binary&key=" + HexFormat.of().formatHex(binaryKey))
        .contentType("application/octet-stream").body(value).send();
    Http.Reply noKey = http.post("/topics/" + es + "/records").contentType("text/plain").body("no key").send();

    assertThat(text.status()).as("%s", text).isEqualTo(200);
    JsonObject metadata = text.json().getJsonObject("metadata");
    assertThat(metadata.getString("topic")).isEqualTo(es);
    assertThat(metadata.getInteger("partition")).isEqualTo(0);
    assertThat(metadata.getLong("offset")).isEqualTo(0L);
    assertThat(Long.parseLong(metadata.getString("timestamp"))).isPositive();
    assertThat(binary.json().getJsonObject("metadata").getLong("offset")).isEqualTo(1L);
    assertThat(noKey.status()).isEqualTo(200);

    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(es, 3, Duration.ofSeconds(30));
    assertThat(records).hasSize(3);
    ConsumerRecord<byte[], byte[]> first = records.get(0);
    assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("café k");
    assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("  plain text, kept as is \n");
    assertThat(Arrays.stream(first.headers().toArray()).map(Header::key)).containsExactly("colour", "size", "colour");
    assertThat(Arrays.stream(first.headers().toArray()).map(Header::value))
        .containsExactly("red".getBytes(StandardCharsets.US_ASCII), new byte[0], new byte[] {0, (byte) 0xff});
    assertThat(records.get(1).key()).isEqualTo(binaryKey);
    assertThat(records.get(1).value()).isEqualTo(value);
    assertThat(records.get(1).headers().toArray()).isEmpty();
    assertThat(records.get(2).key()).isNull();
  }

  @Test
  void everyDocumentedContentTypeIsAcceptedAndOthersGet415() {
    for (String type : List.of("text/plain", "text/plain; charset=utf-8", "application/octet-stream", "text/xml",
        "application/xml", "application/json", "vnd.ibm-event-streams.json.v1",
        "application/vnd.ibm-event-streams.json.v1", "vnd.ibm-event-streams.binary.v1",
        "application/vnd.ibm-event-streams.binary.v1", "vnd.ibm-event-streams.text.v1",
        "application/vnd.ibm-event-streams.text.v1")) {
      Http.Reply reply = produce("").contentType(type).body("{\"a\":1}").send();
      assertThat(reply.status()).as("%s: %s", type, reply).isEqualTo(200);
    }
    for (String type : List.of("text/html", "application/x-www-form-urlencoded",
        "application/vnd.kafka.binary.v1+json", "vnd.ibm-event-streams.avro.v1")) {
      JsonObject body = assertEventStreamsError(produce("").contentType(type).body("x").send(), 415);
      assertThat(body.getJsonObject("error").getString("topic")).isEqualTo(topic);
    }
    assertEventStreamsError(produce("").body("x").send(), 415);
  }

  @Test
  void jsonBodiesMustParseAndAreStoredUnchanged() {
    String es = TestKafka.createTopic(TestKafka.uniqueTopic("es-json"), 1);
    String json = "{ \"b\" : [1, 2.50, null],\n \"a\": \"x\" }";

    assertEventStreamsError(http.post("/topics/" + es + "/records").contentType("application/json")
        .body("{\"a\": ").send(), 400);
    assertEventStreamsError(http.post("/topics/" + es + "/records").contentType("vnd.ibm-event-streams.json.v1")
        .body("not json").send(), 400);
    // The same bytes are fine as text.
    assertThat(http.post("/topics/" + es + "/records").contentType("text/plain").body("{\"a\": ").send().status())
        .isEqualTo(200);
    assertThat(http.post("/topics/" + es + "/records").contentType("application/json").body(json).send().status())
        .isEqualTo(200);

    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(es, 2, Duration.ofSeconds(30));
    assertThat(records).hasSize(2);
    assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void badHexAndMalformedParametersAre400AndWriteNothing() {
    String es = TestKafka.createTopic(TestKafka.uniqueTopic("es-hex"), 1);
    String path = "/topics/" + es + "/records";
    for (String query : List.of("?keyType=binary&key=zz", "?keyType=binary&key=abc", "?headers=colour:72656",
        "?headers=colour:xyz1", "?headers=nocolon", "?headers=:00", "?headers=a:00,", "?keyType=avro&key=k",
        "?key=a&key=b")) {
      JsonObject body = assertEventStreamsError(http.post(path + query).contentType("text/plain").body("v").send(),
          400);
      assertThat(body.getJsonObject("error").getString("topic")).isEqualTo(es);
    }
    assertThat(TestKafka.readAll(es, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void sizeLimitsAreInclusiveAndTheRefusalNamesTheLimit() {
    String es = TestKafka.createTopic(TestKafka.uniqueTopic("es-size"), 1);
    String path = "/topics/" + es + "/records";

    Http.Reply key4096 = http.post(path + "?key=" + "k".repeat(4096)).contentType("text/plain").body("v").send();
    Http.Reply key4097 = http.post(path + "?key=" + "k".repeat(4097)).contentType("text/plain").body("v").send();
    Http.Reply binary4097 = http.post(path + "?keyType=binary&key=" + "ab".repeat(4097)).contentType("text/plain")
        .body("v").send();
    Http.Reply value65536 = http.post(path).contentType("application/octet-stream").body(new byte[65536]).send();
    Http.Reply value65537 = http.post(path).contentType("application/octet-stream").body(new byte[65537]).send();

    assertThat(key4096.status()).as("%s", key4096).isEqualTo(200);
    assertThat(assertEventStreamsError(key4097, 400).getString("message")).contains("max.key.size").contains("4096");
    assertThat(assertEventStreamsError(binary4097, 400).getString("message")).contains("max.key.size");
    assertThat(value65536.status()).as("%s", value65536).isEqualTo(200);
    assertThat(assertEventStreamsError(value65537, 400).getString("message")).contains("max.message.size")
        .contains("65536");
    // Only the two accepted requests wrote anything (the refused ones were produced in between).
    List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(es, 2, Duration.ofSeconds(30));
    assertThat(records).hasSize(2);
    assertThat(records.get(0).key()).hasSize(4096);
    assertThat(records.get(1).value()).hasSize(65536);
  }

  @Test
  void anEmptyBodyIs411() {
    assertEventStreamsError(produce("").contentType("text/plain").send(), 411);
    assertEventStreamsError(produce("").contentType("application/json").body("").send(), 411);
  }

  @Test
  void anUnknownTopicIs404AndIsNotCreated() throws Exception {
    String missing = TestKafka.uniqueTopic("es-missing");

    Http.Reply reply = http.post("/topics/" + missing + "/records").contentType("text/plain").body("v").send();

    JsonObject error = assertEventStreamsError(reply, 404).getJsonObject("error");
    assertThat(error.getInteger("kafka_error_code")).isEqualTo(3);
    assertThat(error.getString("topic")).isEqualTo(missing);
    assertThat(TestKafka.admin().listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(missing);
  }

  @Test
  void aUriOverTenKilobytesIs414WithAnEventStreamsBody() {
    String path = "/topics/" + topic + "/records?key=";
    String exactly = path + "k".repeat(10 * 1024 - path.length());
    String oneMore = exactly + "k";
    String huge = exactly + "k".repeat(20 * 1024);

    Http.Reply atLimit = http.post(exactly).contentType("text/plain").body("v").send();
    Http.Reply overLimit = http.post(oneMore).contentType("text/plain").body("v").send();
    Http.Reply farOver = http.post(huge).contentType("text/plain").body("v").send();

    // At the limit the request goes through to the key limit (a 10 KB key is over max.key.size).
    assertThat(assertEventStreamsError(atLimit, 400).getString("message")).contains("max.key.size");
    assertEventStreamsError(overLimit, 414);
    assertEventStreamsError(farOver, 414);
  }

  @Test
  void otherMethodsOnTheRecordsPathAre405() {
    assertThat(http.get("/topics/" + topic + "/records").send().status()).isEqualTo(405);
  }
}
