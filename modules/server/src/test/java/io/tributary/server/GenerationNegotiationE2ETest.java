package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * v1 and v2 on shared paths: the media type decides, unversioned types go to the generation that
 * {@code api.default.version} names, and a client that prefers one generation's versioned type gets that
 * generation whichever is the default. Which generation answered shows where the two differ: the response and
 * error types without Accept, the bad-base64 error (v1: 422 with v1's message; v2: 400 "Bad Request: data=…"), and
 * whether a record of the partition endpoint may name its own partition (v2 only).
 */
class GenerationNegotiationE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V2 = "application/vnd.kafka.v2+json";
  private static final String BAD_BASE64 = "{\"records\":[{\"value\":\"not base64!\"}]}";

  private static Http v1Default;
  private static TestServer v2Server;
  private static Http v2Default;
  private static String topic;

  @BeforeAll
  static void start() {
    v1Default = TestServer.shared().http();
    v2Server = TestServer.start(Map.of("api.default.version", "v2"));
    v2Default = v2Server.http();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("generations"), 2);
  }

  @AfterAll
  static void stop() {
    if (v2Server != null) {
      v2Server.close();
    }
  }

  private static Http server(String defaultVersion) {
    return defaultVersion.equals("v1") ? v1Default : v2Default;
  }

  /** Metadata: the generation that answers names itself in the response type. */
  @ParameterizedTest(name = "default {0}, Accept [{1}] -> {2}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "v1 | none                                                     | application/vnd.kafka.v1+json",
      "v1 | */*                                                      | application/vnd.kafka.v1+json",
      "v1 | application/vnd.kafka.v1+json                            | application/vnd.kafka.v1+json",
      "v1 | application/vnd.kafka.v2+json                            | application/vnd.kafka.v2+json",
      "v1 | application/json                                         | application/json",
      "v1 | application/vnd.kafka+json                               | application/vnd.kafka+json",
      "v1 | application/vnd.kafka.v2+json; q=0.9, application/json; q=0.5 | application/vnd.kafka.v2+json",
      "v1 | application/vnd.kafka.v1+json, application/vnd.kafka.v2+json | application/vnd.kafka.v1+json",
      "v2 | none                                                     | application/vnd.kafka.v2+json",
      "v2 | */*                                                      | application/vnd.kafka.v2+json",
      "v2 | application/vnd.kafka.v1+json                            | application/vnd.kafka.v1+json",
      "v2 | application/vnd.kafka.v2+json                            | application/vnd.kafka.v2+json",
      "v2 | application/json                                         | application/json",
      "v2 | application/vnd.kafka.v1+json; q=0.9, application/json; q=0.5 | application/vnd.kafka.v1+json",
      "v2 | application/vnd.kafka.v1+json, application/vnd.kafka.v2+json | application/vnd.kafka.v2+json"})
  void topicListsAnswerInTheNegotiatedGenerationsType(String defaultVersion, String accept, String expected) {
    Http.Call call = server(defaultVersion).get("/topics");
    if (accept != null) {
      call.accept(accept);
    }
    Http.Reply reply = call.send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(expected);
    assertThat(reply.array()).contains(topic);
  }

  @Test
  void withoutAcceptEachDefaultRendersItsOwnErrorType() {
    String missing = "/topics/" + TestKafka.uniqueTopic("missing");

    Http.Reply v1 = v1Default.get(missing).send();
    Http.Reply v2 = v2Default.get(missing).send();

    assertError(v1, 404, 40401);
    assertThat(v1.contentType()).isEqualTo(V1);
    // v2's GET /topics/{t} answers an unknown topic as kafka-rest does: the Admin client's 40403.
    assertError(v2, 404, 40403);
    // kafka-rest 6.0+ renders v2 errors as application/json unless the client asks for vnd.kafka.v2+json.
    assertThat(v2.contentType()).isEqualTo("application/json");
  }

  @Test
  void anEndpointOnlyOneGenerationHasIsServedByItWhateverTheDefault() {
    // The offsets endpoint exists only in v2, the simple partition read only in v1.
    for (Http http : new Http[] {v1Default, v2Default}) {
      Http.Reply offsets = http.get("/topics/" + topic + "/partitions/0/offsets").send();
      Http.Reply messages = http.get("/topics/" + topic + "/partitions/0/messages?offset=0").send();
      assertThat(offsets.status()).as("%s", offsets).isEqualTo(200);
      assertThat(offsets.contentType()).isEqualTo(V2);
      assertThat(messages.status()).as("%s", messages).isEqualTo(200);
      assertThat(messages.contentType()).isEqualTo("application/vnd.kafka.binary.v1+json");
    }
  }

  /** Produce: bad base64 shows the generation; the unversioned Content-Types go to the default one. */
  @ParameterizedTest(name = "default {0}, Content-Type [{1}] -> {2}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "v1 | application/vnd.kafka.binary.v1+json | v1",
      "v1 | application/vnd.kafka.binary.v2+json | v2",
      "v1 | application/vnd.kafka.v2+json        | v2",
      "v1 | application/json                     | v1",
      "v1 | application/vnd.kafka+json           | v1",
      "v1 | application/octet-stream             | v1",
      "v1 | none                                 | v1",
      "v2 | application/vnd.kafka.binary.v1+json | v1",
      "v2 | application/vnd.kafka.v1+json        | v1",
      "v2 | application/vnd.kafka.binary.v2+json | v2",
      "v2 | application/json                     | v2",
      "v2 | application/vnd.kafka+json           | v2",
      "v2 | application/octet-stream             | v2",
      "v2 | none                                 | v2"})
  void produceInvalidBase64IsAnsweredTheWayOfTheChosenGeneration(String defaultVersion, String contentType,
      String generation) {
    Http.Call call = server(defaultVersion).post("/topics/" + topic).body(BAD_BASE64);
    if (contentType != null) {
      call.contentType(contentType);
    }
    Http.Reply reply = call.send();

    if (generation.equals("v1")) {
      assertError(reply, 422, 422);
      assertThat(reply.json().getString("message")).isEqualTo("Record value contains invalid base64 encoding");
      assertThat(reply.contentType()).isEqualTo(V1);
    } else {
      assertError(reply, 400, 400);
      assertThat(reply.json().getString("message"))
          .isEqualTo("Bad Request: data=\"not base64!\" is not a valid base64 string.");
      assertThat(reply.contentType()).isEqualTo("application/json");
    }
  }

  @Test
  void anUnversionedProduceAnswersInTheDefaultGenerationsType() {
    String body = "{\"records\":[{\"value\":\"aGk=\"}]}";

    Http.Reply v1 = v1Default.post("/topics/" + topic).contentType("application/vnd.kafka+json").body(body).send();
    Http.Reply v2 = v2Default.post("/topics/" + topic).contentType("application/vnd.kafka+json").body(body).send();

    assertThat(v1.status()).as("%s", v1).isEqualTo(200);
    assertThat(v1.contentType()).isEqualTo(V1);
    assertThat(v2.status()).as("%s", v2).isEqualTo(200);
    assertThat(v2.contentType()).isEqualTo(V2);
  }

  @Test
  void aRecordsOwnPartitionOnThePartitionEndpointIsV2Semantics() {
    String body = "{\"records\":[{\"value\":\"aGk=\",\"partition\":1}]}";

    Http.Reply v1 = v1Default.post("/topics/" + topic + "/partitions/0").contentType("application/json").body(body)
        .send();
    Http.Reply v2 = v2Default.post("/topics/" + topic + "/partitions/0").contentType("application/json").body(body)
        .send();

    assertError(v1, 422, 422);
    assertThat(v1.json().getString("message")).isEqualTo("Unrecognized field: partition");
    assertThat(v2.status()).as("%s", v2).isEqualTo(200);
    JsonObject offset = v2.json().getJsonArray("offsets").getJsonObject(0);
    assertThat(offset.getInteger("partition")).isEqualTo(1);
  }

  @Test
  void aContentTypeNeitherGenerationTakesIs415InBothSettings() {
    for (Http http : new Http[] {v1Default, v2Default}) {
      assertError(http.post("/topics/" + topic).contentType("text/plain").body(BAD_BASE64).send(), 415, 415);
    }
  }
}
