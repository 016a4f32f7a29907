package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestJwts;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JWTs with a single key source, {@code auth.jwt.public.keys} alone or {@code auth.jwt.jwks.file} alone (each is
 * enough, as docs/security.md says), and claims of the wrong JSON type, which are refused as any invalid token is.
 */
class JwtSingleSourceE2ETest {
  @TempDir
  Path dir;

  @Test
  void publicKeysAloneAcceptTheirTokens() throws IOException {
    KeyPair keys = TestJwts.rsaKeys();
    Path pem = Files.writeString(dir.resolve("jwt.pem"), TestJwts.publicPem(keys));
    assertOnlyTheseKeysAreTrusted(Map.of("auth.jwt.public.keys", pem.toString()), keys);
  }

  @Test
  void aJwksFileAloneAcceptsItsTokens() throws IOException {
    KeyPair keys = TestJwts.rsaKeys();
    Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks(keys).encode());
    assertOnlyTheseKeysAreTrusted(Map.of("auth.jwt.jwks.file", jwks.toString()), keys);
  }

  private static void assertOnlyTheseKeysAreTrusted(Map<String, String> config, KeyPair keys) {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("jwt-single"), 1);
    try (TestServer server = TestServer.start(config)) {
      Http http = server.http();
      JsonObject claims = TestJwts.claims("svc", topic, "produce");
      long now = Instant.now().getEpochSecond();

      assertThat(produce(http, topic, "signed", TestJwts.rs256(keys, claims)).status()).isEqualTo(200);
      assertEventStreamsError(produce(http, topic, "foreign", TestJwts.rs256(TestJwts.rsaKeys(), claims)), 401);
      for (JsonObject wrongType : List.of(claims.copy().put("exp", String.valueOf(now + 600)),
          claims.copy().put("nbf", String.valueOf(now - 60)), claims.copy().put("iat", String.valueOf(now)),
          claims.copy().put("exp", new JsonObject().put("at", now + 600)))) {
        assertEventStreamsError(produce(http, topic, "typed", TestJwts.rs256(keys, wrongType)), 401);
      }
      assertThat(TestKafka.readAll(topic, 2, Duration.ofSeconds(5)).stream()
          .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList()).containsExactly("signed");
    }
  }

  private static Http.Reply produce(Http http, String topic, String value, String token) {
    return http.post("/topics/" + topic + "/records").contentType("text/plain").accept("application/json")
        .header("Authorization", "Bearer " + token).body(value).send();
  }
}
