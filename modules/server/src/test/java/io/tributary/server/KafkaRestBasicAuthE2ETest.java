package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.Password;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kafka-rest.properties with {@code authentication.method=BASIC}: a real JAAS file whose realm names Jetty's
 * PropertyFileLoginModule and a password file with plain, OBF, MD5 and CRYPT users. Every generation and the
 * registry listener answer 401 without credentials, 403 to a user without the role, and serve the users with it.
 * CORS (rest-utils' keys) is on too, and its preflights need no credential.
 */
class KafkaRestBasicAuthE2ETest {
  private static final String ORIGIN = "https://console.example.com";

  @TempDir
  static Path dir;

  private static TestServer server;
  private static String topic;

  @BeforeAll
  static void start() throws Exception {
    Path passwords = Files.writeString(dir.resolve("password.properties"), String.join("\n",
        "alice: alice-pw,rest-users",
        "bob: " + Password.obfuscate("bob-pw") + ",rest-users",
        "carol: " + Credential.MD5.digest("carol-pw") + ",rest-users",
        "dave: " + Credential.Crypt.crypt("dave", "dave-pw") + ",rest-users",
        "eve: eve-pw,guests",
        "frank: frank-pw,rest-users", ""));
    Path jaas = Files.writeString(dir.resolve("jaas.conf"), """
        KafkaRest {
          org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required
          file="%s"
          debug="false";
        };
        """.formatted(passwords));
    // frank is narrowed by the permissions file; an API key works beside the Basic users.
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[{"principal":"app","key":"APP-KEY","permissions":[{"topics":["*"],"operations":["produce"]}]}],
         "users":[{"user":"frank","permissions":[{"topics":["orders*"],"operations":["produce"]}]}]}""");
    server = TestServer.start(Map.of(
        "authentication.method", "BASIC",
        "authentication.realm", "KafkaRest",
        "authentication.roles", "rest-users",
        "java.security.auth.login.config", jaas.toString(),
        "auth.api.keys.file", keys.toString(),
        "access.control.allow.origin", ORIGIN,
        "access.control.allow.methods", "GET,POST,DELETE"));
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("basic"), 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private enum Generation { V1, V2, V3, EVENT_STREAMS, REGISTRY }

  private static Http.Reply send(Generation generation, String authorization) {
    Http.Call call = switch (generation) {
      case V1 -> server.http().get("/topics").accept("application/vnd.kafka.v1+json");
      case V2 -> server.http().get("/topics").accept("application/vnd.kafka.v2+json");
      case V3 -> server.http().get("/v3/clusters");
      case EVENT_STREAMS -> server.http().post("/topics/" + topic + "/records").contentType("text/plain")
          .body("hello");
      case REGISTRY -> SchemaRegistryTestData.registry(server).get("/subjects");
    };
    if (authorization != null) {
      call.header("Authorization", authorization);
    }
    return call.send();
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordEveryGenerationAnswers401() {
    for (Generation generation : Generation.values()) {
      for (String authorization : new String[] {null, basic("alice", "wrong"), basic("mallory", "alice-pw")}) {
        Http.Reply reply = send(generation, authorization);
        assertThat(reply.status()).as("%s %s: %s", generation, authorization, reply).isEqualTo(401);
        ErrorAssert.assertNoInternals(reply);
        assertCode(generation, reply, 40101);
        assertThat(reply.header("WWW-Authenticate")).as("%s", generation).isEqualTo("Basic realm=\"KafkaRest\"");
      }
    }
  }

  @Test
  void usersWithTheRoleAreServedWhateverTheFormOfTheirPassword() {
    Map<String, String> users = Map.of("alice", "alice-pw", "bob", "bob-pw", "carol", "carol-pw", "dave", "dave-pw");
    for (Generation generation : Generation.values()) {
      users.forEach((user, password) -> {
        Http.Reply reply = send(generation, basic(user, password));
        assertThat(reply.status()).as("%s %s: %s", generation, user, reply).isEqualTo(200);
      });
    }
  }

  @Test
  void aUserWithoutTheRoleIs403InEveryGeneration() {
    for (Generation generation : Generation.values()) {
      Http.Reply reply = send(generation, basic("eve", "eve-pw"));
      assertThat(reply.status()).as("%s: %s", generation, reply).isEqualTo(403);
      ErrorAssert.assertNoInternals(reply);
      assertCode(generation, reply, 40301);
    }
  }

  @Test
  void thePermissionsFileNarrowsAUserAndApiKeysStillWork() {
    Http.Reply narrowed = send(Generation.EVENT_STREAMS, basic("frank", "frank-pw"));
    assertThat(narrowed.status()).as("%s", narrowed).isEqualTo(403);
    Http.Reply key = server.http().post("/topics/" + topic + "/records").header("X-Auth-Token", "APP-KEY")
        .contentType("text/plain").body("by key").send();
    assertThat(key.status()).as("%s", key).isEqualTo(200);
    Http.Reply keyAsBasic = server.http().post("/topics/" + topic + "/records")
        .header("Authorization", basic("token", "APP-KEY")).contentType("text/plain").body("by key").send();
    assertThat(keyAsBasic.status()).as("%s", keyAsBasic).isEqualTo(200);
  }

  @Test
  void aCorsPreflightIsAnsweredWithoutCredentialsAndResponsesCarryTheHeaders() {
    Http.Reply preflight = server.http().options("/v3/clusters").header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "Content-Type").send();
    assertThat(preflight.status()).as("%s", preflight).isBetween(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("DELETE");
    assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("Content-Type");

    Http.Reply get = server.http().get("/v3/clusters").header("Origin", ORIGIN)
        .header("Authorization", basic("alice", "alice-pw")).send();
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    Http.Reply refused = server.http().get("/v3/clusters").header("Origin", ORIGIN).send();
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);

    Http.Reply otherOrigin = server.http().get("/v3/clusters").header("Origin", "https://evil.example.org")
        .header("Authorization", basic("alice", "alice-pw")).send();
    assertThat(otherOrigin.status()).as("served, without CORS headers: %s", otherOrigin).isEqualTo(200);
    assertThat(otherOrigin.header("Access-Control-Allow-Origin")).isNull();
  }

  private static void assertCode(Generation generation, Http.Reply reply, int code) {
    if (generation == Generation.EVENT_STREAMS) {
      assertThat(reply.json().getJsonObject("error").getInteger("error_code")).isEqualTo(code / 100);
    } else {
      assertError(reply, code / 100, code);
    }
  }
}
