package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With authentication on, no endpoint of any generation serves a request without a valid credential, and none
 * acts on it: the safety net for the deferred refusal (the authentication handler records a refusal that takes
 * effect when a route claims the request). Produce requests create no topic.
 */
class AuthenticationEverywhereE2ETest {
  private static final String KEY = "everywhere-key-42";
  private static final String TOPIC = TestKafka.uniqueTopic("never-created");

  @TempDir
  static Path dir;

  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    JsonObject keys = new JsonObject().put("api_keys", new JsonArray().add(new JsonObject().put("principal", "ops")
        .put("key", KEY).put("permissions", new JsonArray().add(new JsonObject()
            .put("topics", new JsonArray().add("*"))
            .put("operations", new JsonArray().add("produce").add("consume").add("admin"))))));
    Path file = Files.writeString(dir.resolve("keys.json"), keys.encode());
    server = TestServer.start(Map.of("auth.api.keys.file", file.toString()));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** method, path, Content-Type (or null), body (or null), and whether the answer is Event Streams' shape. */
  static Stream<Arguments> endpoints() {
    String t = TOPIC;
    String v1 = "application/vnd.kafka.v1+json";
    String v2 = "application/vnd.kafka.v2+json";
    String records = "{\"records\":[{\"value\":\"aGVsbG8=\"}]}";
    return Stream.of(
        Arguments.of("GET", "/", null, null, false),
        Arguments.of("GET", "/topics", null, null, false),
        Arguments.of("GET", "/topics/" + t, null, null, false),
        Arguments.of("GET", "/topics/" + t + "/partitions", null, null, false),
        Arguments.of("GET", "/topics/" + t + "/partitions/0", null, null, false),
        Arguments.of("GET", "/topics/" + t + "/partitions/0/offsets", null, null, false),
        Arguments.of("GET", "/topics/" + t + "/partitions/0/messages?offset=0", null, null, false),
        Arguments.of("GET", "/brokers", null, null, false),
        Arguments.of("POST", "/topics/" + t, "application/vnd.kafka.binary.v1+json", records, false),
        Arguments.of("POST", "/topics/" + t, "application/vnd.kafka.binary.v2+json", records, false),
        Arguments.of("POST", "/topics/" + t, "application/json", records, false),
        Arguments.of("POST", "/topics/" + t + "/partitions/0", "application/vnd.kafka.json.v2+json", records, false),
        Arguments.of("POST", "/consumers/g", v1, "{}", false),
        Arguments.of("POST", "/consumers/g", v2, "{}", false),
        Arguments.of("GET", "/consumers/g/instances/i/topics/" + t, null, null, false),
        Arguments.of("POST", "/consumers/g/instances/i/offsets", v1, null, false),
        Arguments.of("DELETE", "/consumers/g/instances/i", null, null, false),
        Arguments.of("POST", "/consumers/g/instances/i/subscription", v2, "{\"topics\":[\"" + t + "\"]}", false),
        Arguments.of("GET", "/consumers/g/instances/i/records", null, null, false),
        Arguments.of("POST", "/consumers/g/instances/i/positions/beginning", v2, "{\"partitions\":[]}", false),
        Arguments.of("GET", "/v3/clusters", null, null, false),
        Arguments.of("GET", "/kafka/v3/clusters", null, null, false),
        Arguments.of("GET", "/v3/openapi.yaml", null, null, false),
        Arguments.of("POST", "/v3/clusters/any/topics", "application/json", "{\"topic_name\":\"" + t + "\"}", false),
        Arguments.of("POST", "/v3/clusters/any/topics/" + t + "/records", "application/json",
            "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}", false),
        Arguments.of("POST", "/v3/clusters/any/topics/" + t + "/records:batch", "application/json",
            "{\"entries\":[{\"id\":\"1\",\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}]}", false),
        Arguments.of("POST", "/topics/" + t + "/records", "text/plain", "hello", true),
        Arguments.of("GET", "/no/such/path", null, null, false));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("endpoints")
  void withoutACredentialEveryEndpointAnswers401(String method, String path, String type, String body,
      boolean eventStreams) {
    for (String key : new String[] {null, "not-a-key"}) {
      Http.Reply reply = send(method, path, type, body, key);
      assertThat(reply.status()).as("%s %s key=%s: %s", method, path, key, reply).isEqualTo(401);
      ErrorAssert.assertNoInternals(reply);
      if (eventStreams) {
        assertThat(reply.json().getJsonObject("error").getInteger("error_code")).isEqualTo(401);
      } else {
        assertThat(reply.json().getInteger("error_code")).as("%s %s: %s", method, path, reply).isEqualTo(40101);
      }
    }
  }

  @Test
  void noRefusedProduceCreatedTheTopic() throws Exception {
    endpoints().filter(a -> "POST".equals(a.get()[0]))
        .forEach(a -> send((String) a.get()[0], (String) a.get()[1], (String) a.get()[2], (String) a.get()[3], null));
    assertThat(TestKafka.admin().listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(TOPIC);
  }

  @Test
  void theSameRequestsWithTheKeyAreNotRefused() {
    Http.Reply topics = send("GET", "/topics", null, null, KEY);
    assertThat(topics.status()).isEqualTo(200);
    Http.Reply clusters = send("GET", "/v3/clusters", null, null, KEY);
    assertThat(clusters.status()).isEqualTo(200);
  }

  @Test
  void healthNeedsNoCredential() {
    assertThat(http.get("/health/live").send().status()).isEqualTo(200);
  }

  private static Http.Reply send(String method, String path, String type, String body, String key) {
    Http.Call call = switch (method) {
      case "GET" -> http.get(path);
      case "POST" -> http.post(path);
      case "DELETE" -> http.delete(path);
      default -> throw new IllegalArgumentException(method);
    };
    if (type != null) {
      call.contentType(type);
    }
    if (body != null) {
      call.body(body);
    }
    if (key != null) {
      call.header("X-Auth-Token", key);
    }
    return call.send();
  }

}
