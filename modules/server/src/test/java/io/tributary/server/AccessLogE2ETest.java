package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One access-log line per request on every generation and on the registry's listener, in NCSA combined form (with
 * API keys on) and as JSON; never a key, an Authorization header, a query string or a body.
 */
class AccessLogE2ETest {
  private static final String KEY = "APIKEY-must-not-be-logged";
  private static final String BODY_SECRET = "c2VjcmV0LWJvZHk="; // "secret-body"
  private static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;
  private static AccessLogCapture log;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"ops-team","key":"%s","permissions":[{"topics":["*"],"operations":["produce","consume","admin"]}]}
        ]}""".formatted(KEY));
    log = new AccessLogCapture();
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
    log.close();
  }

  @Test
  void v1ProduceIsOneCombinedLineWithThePrincipalAndNeitherKeyNorBody() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("access-v1"), 1);

    Http.Reply reply = http.post("/topics/" + topic).header("X-Auth-Token", KEY).contentType(V1_BINARY)
        .body("{\"records\":[{\"value\":\"" + BODY_SECRET + "\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    String line = log.lineFor("/topics/" + topic);
    assertThat(line).matches("127\\.0\\.0\\.1 - ops-team \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "
        + "\"POST /topics/" + topic + " HTTP/1\\.1\" 200 " + reply.bytes().length + " \"-\" \"[^\"]+\" \\d+ v1");
    assertThat(line).doesNotContain(KEY).doesNotContain(BODY_SECRET);
  }

  @Test
  void v2V3EventStreamsAndRegistryRequestsNameTheirGeneration() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("access-gen"), 1);

    Http.Reply v2 = http.post("/topics/" + topic).header("X-Auth-Token", KEY).contentType(V2_BINARY)
        .body("{\"records\":[{\"value\":\"" + BODY_SECRET + "\"}]}").send();
    Http.Reply v3 = http.get("/v3/clusters?marker=" + topic).header("X-Auth-Token", KEY).send();
    Http.Reply es = http.post("/topics/" + topic + "/records").header("X-Auth-Token", KEY)
        .contentType("text/plain").body("event-streams-secret-body").send();
    Http.Reply registry = SchemaRegistryTestData.registry(server).get("/subjects/" + topic + "-value/versions")
        .header("X-Auth-Token", KEY).send();

    assertThat(v2.status()).as("%s", v2).isEqualTo(200);
    assertThat(v3.status()).as("%s", v3).isEqualTo(200);
    assertThat(es.status()).as("%s", es).isEqualTo(200);
    assertThat(log.lineFor("\"POST /topics/" + topic + " ")).contains(" 200 ").endsWith(" v2")
        .contains("ops-team").doesNotContain(KEY).doesNotContain(BODY_SECRET);
    // The query string is never logged: clients put tokens there.
    assertThat(log.lineFor("\"GET /v3/clusters ")).endsWith(" v3").doesNotContain("marker");
    assertThat(log.lineFor("/topics/" + topic + "/records")).contains(" 200 ").endsWith(" eventstreams")
        .doesNotContain(KEY).doesNotContain("event-streams-secret-body");
    assertThat(log.lineFor("/subjects/" + topic + "-value/versions"))
        .contains("\" " + registry.status() + " ").contains(" ops-team ").endsWith(" registry").doesNotContain(KEY);
  }

  @Test
  void aRefusedCredentialIsLoggedAsA401WithoutTheAuthorizationHeader() {
    String password = "pa55word-must-not-be-logged";
    String basic = Base64.getEncoder().encodeToString(("mallory:" + password).getBytes(StandardCharsets.UTF_8));

    Http.Reply reply = http.get("/v3/clusters/refused-" + System.nanoTime()).header("Authorization", "Basic " + basic)
        .send();

    assertThat(reply.status()).isEqualTo(401);
    String line = log.lineFor("/v3/clusters/refused-");
    assertThat(line).startsWith("127.0.0.1 - - [").contains("\" 401 ").endsWith(" v3");
    assertThat(line).doesNotContain(basic).doesNotContain(password).doesNotContain("mallory");
  }

  @Test
  void healthChecksHaveNoGeneration() {
    http.get(RootRoutes.LIVE + "?probe=" + System.nanoTime()).send();

    assertThat(log.lineFor("\"GET " + RootRoutes.LIVE + " ")).contains("\" 200 ").endsWith(" -");
  }

  @Test
  void theJsonFormatHasEveryFieldAndAnonymousIsNull() {
    try (TestServer json = TestServer.start(Map.of("access.log.format", "json"))) {
      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("access-json"), 1);
      Instant before = Instant.now();

      Http.Reply reply = json.http().post("/topics/" + topic).contentType(V2_BINARY)
          .body("{\"records\":[{\"value\":\"" + BODY_SECRET + "\"}]}").send();

      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      JsonObject line = new JsonObject(log.lineFor("\"path\":\"/topics/" + topic + "\""));
      assertThat(Instant.parse(line.getString("time"))).isBetween(before.minusSeconds(1), Instant.now());
      assertThat(line.getString("client")).isEqualTo("127.0.0.1");
      assertThat(line.containsKey("principal")).isTrue();
      assertThat(line.getString("principal")).isNull();
      assertThat(line.getString("method")).isEqualTo("POST");
      assertThat(line.getString("protocol")).isEqualTo("HTTP/1.1");
      assertThat(line.getInteger("status")).isEqualTo(200);
      assertThat(line.getLong("bytes")).isEqualTo(reply.bytes().length);
      assertThat(line.getLong("duration_ms")).isNotNegative();
      assertThat(line.getString("generation")).isEqualTo("v2");
      assertThat(line.getString("user_agent")).isNotBlank();
      assertThat(line.encode()).doesNotContain(BODY_SECRET);
    }
  }

  @Test
  void accessLogEnableFalseWritesNothing() {
    String path = "/quiet-" + System.nanoTime();
    try (TestServer quiet = TestServer.start(Map.of("access.log.enable", "false"))) {
      quiet.http().get(path).send();
    }
    // The logging server's line for a later request is there, so the quiet server's would have been by then.
    http.get(path + "-after").send();
    log.lineFor(path + "-after");

    assertThat(log.lines()).noneMatch(line -> line.contains(path + " "));
  }
}
