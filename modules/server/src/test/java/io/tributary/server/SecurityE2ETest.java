package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestJwts;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.TestPki;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every credential path against one https:// server with real TLS handshakes: API keys (X-Auth-Token, Bearer,
 * Basic), JWTs (PEM key and JWKS), client certificates mapped by subject, and certificates with an embedded API key
 * signed by {@code sign-clientauth-csr}; 401 and 403 in each generation's shape.
 */
class SecurityE2ETest {
  private static final String WRITER_KEY = "es-writer-key-0123456789";
  private static final String READER_KEY = "es-reader-key-0123456789";
  private static final String CICS_KEY = "cics-key-0123456789";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static TestPki.Issued serverCa;
  private static TestPki.Issued partnerCa;
  private static Path esCert;
  private static Path clientAuthDir;
  private static KeyPair pemJwtKeys;
  private static KeyPair jwksJwtKeys;
  private static Http https;

  @BeforeAll
  static void start() throws IOException {
    serverCa = TestPki.ca("Tributary test server CA");
    TestPki.Issued serverCert = TestPki.server(serverCa);
    esCert = TestPki.pem(dir.resolve("es-cert.pem"), serverCa.certificate());
    partnerCa = TestPki.ca("Partner CA");
    clientAuthDir = dir.resolve("clientauth");
    pemJwtKeys = TestJwts.rsaKeys();
    jwksJwtKeys = TestJwts.rsaKeys();
    Path jwtPem = Files.writeString(dir.resolve("jwt.pem"), TestJwts.publicPem(pemJwtKeys));
    Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks(jwksJwtKeys).encode());
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"writer","key":"%s","permissions":[{"topics":["sec-*"],"operations":["produce"]}]},
          {"principal":"reader","key":"%s","permissions":[{"topics":["*"],"operations":["consume"]}]},
          {"principal":"cics","key":"%s","permissions":[{"topics":["sec-*"],"operations":["produce"]}]}
         ],
         "certificates":[
          {"subject":"CN=partner-app, O=Partner","principal":"partner",
           "permissions":[{"topics":["sec-*"],"operations":["produce"]}]}
         ]}""".formatted(WRITER_KEY, READER_KEY, CICS_KEY));
    server = TestServer.startTls(Map.ofEntries(
        Map.entry("ssl.keystore.location", TestPki.keyStore(dir.resolve("server.p12"), "PKCS12", "changeit",
            serverCert, serverCa).toString()),
        Map.entry("ssl.keystore.type", "PKCS12"),
        Map.entry("ssl.keystore.password", "changeit"),
        Map.entry("ssl.truststore.location", TestPki.pem(dir.resolve("partner-ca.pem"), partnerCa.certificate())
            .toString()),
        Map.entry("ssl.truststore.type", "PEM"),
        Map.entry("ssl.client.authentication", "REQUESTED"),
        Map.entry("auth.api.keys.file", keys.toString()),
        Map.entry("auth.jwt.public.keys", jwtPem.toString()),
        Map.entry("auth.jwt.jwks.file", jwks.toString()),
        Map.entry("auth.clientauth.ca.dir", clientAuthDir.toString())));
    https = new Http(server.baseUrl(), TlsClients.trusting(serverCa.certificate()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String topic(String name) {
    return TestKafka.createTopic(TestKafka.uniqueTopic("sec-" + name), 1);
  }

  private static List<String> values(String topic, int expected) {
    return TestKafka.readAll(topic, expected, Duration.ofSeconds(30)).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  private static Http.Call produce(Http http, String topic, String value) {
    return http.post("/topics/" + topic + "/records").contentType("text/plain").accept("application/json")
        .body(value);
  }

  @Test
  void theDocumentationsCurlExampleWorksVerbatimOverHttps() {
    String topic = topic("doc");
    String url = server.baseUrl() + "/topics/" + topic + "/records";
    int status;
    String body;
    if (Curl.available()) {
      Curl.Result result = Curl.run(List.of("-X", "POST", "-H", "Authorization: Bearer " + WRITER_KEY, "-H",
          "Content-Type: text/plain", "-H", "Accept: application/json", "-d", "test message", "--cacert",
          esCert.toString(), url));
      assertThat(result.exitCode()).as(result.stderr()).isZero();
      status = result.status();
      body = result.body();
    } else {
      Http.Reply reply = https.post("/topics/" + topic + "/records").header("Authorization", "Bearer " + WRITER_KEY)
          .contentType("text/plain").accept("application/json").body("test message").send();
      status = reply.status();
      body = reply.text();
    }

    assertThat(status).as(body).isEqualTo(200);
    assertThat(new JsonObject(body).getJsonObject("metadata").getString("topic")).isEqualTo(topic);
    assertThat(values(topic, 1)).containsExactly("test message");
  }

  @Test
  void anApiKeyIsAcceptedInEveryHeaderClientsUse() {
    String topic = topic("headers");
    String basic = Base64.getEncoder().encodeToString(("writer:" + WRITER_KEY).getBytes(StandardCharsets.UTF_8));
    String basicToken = Base64.getEncoder().encodeToString(("token:" + WRITER_KEY).getBytes(StandardCharsets.UTF_8));

    assertThat(produce(https, topic, "x-auth-token").header("X-Auth-Token", WRITER_KEY).send().status())
        .isEqualTo(200);
    assertThat(produce(https, topic, "bearer").header("Authorization", "Bearer " + WRITER_KEY).send().status())
        .isEqualTo(200);
    assertThat(produce(https, topic, "basic").header("Authorization", "Basic " + basic).send().status())
        .isEqualTo(200);
    assertThat(produce(https, topic, "basic-token").header("Authorization", "basic " + basicToken).send().status())
        .isEqualTo(200);

    assertThat(values(topic, 4)).containsExactly("x-auth-token", "bearer", "basic", "basic-token");
  }

  @Test
  void withoutAValidCredentialEveryGenerationAnswers401InItsOwnShape() {
    String topic = topic("noauth");
    String otherUser = Base64.getEncoder().encodeToString(("mallory:" + WRITER_KEY).getBytes(StandardCharsets.UTF_8));

    assertEventStreamsError(produce(https, topic, "v").send(), 401);
    assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Bearer not-a-key").send(), 401);
    assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Basic " + otherUser).send(), 401);
    assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Basic !!!").send(), 401);
    Http.Reply v1 = https.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v1+json")
        .header("X-Auth-Token", "wrong").body("{\"records\":[{\"value\":\"aGk=\"}]}").send();
    ErrorAssert.assertError(v1, 401, 40101);
    assertThat(v1.contentType()).isEqualTo("application/vnd.kafka.v1+json");
    ErrorAssert.assertError(https.get("/topics").send(), 401, 40101);
    // Unknown paths too: an unauthenticated client learns nothing about which paths exist.
    ErrorAssert.assertError(https.get("/no/such/path").send(), 401, 40101);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void aKeyWithoutPermissionForTheTopicGets403AndWritesNothing() {
    String topic = topic("forbidden");
    String elsewhere = TestKafka.createTopic(TestKafka.uniqueTopic("other"), 1);

    JsonObject es = assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Bearer " + READER_KEY)
        .send(), 403);
    assertEventStreamsError(produce(https, elsewhere, "v").header("X-Auth-Token", WRITER_KEY).send(), 403);
    ErrorAssert.assertError(https.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v1+json")
        .header("X-Auth-Token", READER_KEY).body("{\"records\":[{\"value\":\"aGk=\"}]}").send(), 403, 40301);

    assertThat(es.getJsonObject("error").getString("topic")).isEqualTo(topic);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(1))).isEmpty();
    assertThat(TestKafka.readAll(elsewhere, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void signedJwtsFromEitherConfiguredKeyAreAccepted() {
    String topic = topic("jwt");
    String fromPem = TestJwts.rs256(pemJwtKeys, TestJwts.claims("svc-a", "sec-jwt-*", "produce"));
    String fromJwks = TestJwts.rs256(jwksJwtKeys, TestJwts.claims("svc-b", "sec-*", "produce", "consume"));

    assertThat(produce(https, topic, "pem").header("Authorization", "Bearer " + fromPem).send().status())
        .isEqualTo(200);
    assertThat(produce(https, topic, "jwks").header("Authorization", "Bearer " + fromJwks).send().status())
        .isEqualTo(200);
    assertThat(values(topic, 2)).containsExactly("pem", "jwks");
  }

  @Test
  void forgedExpiredAndPrematureJwtsAre401AndAValidOneWithoutPermissionIs403() {
    String topic = topic("jwtbad");
    long now = Instant.now().getEpochSecond();
    JsonObject claims = TestJwts.claims("svc-a", "sec-*", "produce");

    List<String> refused = List.of(
        TestJwts.rs256(TestJwts.rsaKeys(), claims),
        TestJwts.unsigned(claims),
        TestJwts.rs256(pemJwtKeys, claims.copy().put("exp", now - 120)),
        TestJwts.rs256(pemJwtKeys, claims.copy().put("nbf", now + 600)),
        TestJwts.rs256(pemJwtKeys, removeExp(claims)),
        TestJwts.rs256(pemJwtKeys, claims.copy().put("sub", "")));
    for (String token : refused) {
      assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Bearer " + token).send(), 401);
    }
    // The signature of a valid token over a tampered payload no longer verifies.
    String valid = TestJwts.rs256(pemJwtKeys, claims);
    String[] parts = valid.split("\\.");
    String escalated = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims.copy().put("sub", "admin").encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Bearer " + escalated).send(), 401);

    String consumeOnly = TestJwts.rs256(pemJwtKeys, TestJwts.claims("svc-c", "sec-*", "consume"));
    assertEventStreamsError(produce(https, topic, "v").header("Authorization", "Bearer " + consumeOnly).send(), 403);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void topicListingsShowOnlyWhatTheJwtsPrincipalMaySee() {
    String visible = topic("visible");
    String hidden = TestKafka.createTopic(TestKafka.uniqueTopic("hidden"), 1);
    String token = TestJwts.rs256(pemJwtKeys, TestJwts.claims("svc-d", visible, "consume"));

    Http.Reply reply = https.get("/topics").header("Authorization", "Bearer " + token).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.array().stream().toList()).contains(visible).doesNotContain(hidden);
  }

  @Test
  void aClientCertificateMappedBySubjectActsForItsPrincipal() {
    String topic = topic("cert");
    TestPki.Issued partner = TestPki.client(partnerCa, "CN=partner-app,O=Partner");
    TestPki.Issued unmapped = TestPki.client(partnerCa, "CN=someone-else,O=Partner");
    Http asPartner = new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(),
        partner.privateKey(), partner.certificate()));
    Http asUnmapped = new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(),
        unmapped.privateKey(), unmapped.certificate()));

    assertThat(produce(asPartner, topic, "by certificate").send().status()).isEqualTo(200);
    JsonObject refused = assertEventStreamsError(produce(asUnmapped, topic, "v").send(), 401);

    assertThat(refused.getString("message")).contains("CN=someone-else");
    assertThat(values(topic, 1)).containsExactly("by certificate");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedInTheHandshake() {
    String topic = topic("rogue");
    TestPki.Issued rogueCa = TestPki.ca("Partner CA");
    // Same subject as the mapped partner certificate, same CA name, but not the CA the server trusts.
    TestPki.Issued impostor = TestPki.client(rogueCa, "CN=partner-app,O=Partner");
    Http asImpostor = new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(),
        impostor.privateKey(), impostor.certificate()));

    assertThatThrownBy(() -> produce(asImpostor, topic, "v").send()).isInstanceOf(UncheckedIOException.class);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void aCertificateSignedBySignClientAuthCsrProducesWithTheCertificateAlone() throws Exception {
    String topic = topic("embedded");
    Path key = dir.resolve("cics.key");
    Path csr = dir.resolve("cics.csr");
    Path cert = dir.resolve("cics.pem");
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
        "-subj", "/CN=cics-region-1/O=Example");

    int exit = SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in", csr.toString(),
        "--api-key", CICS_KEY, "--out", cert.toString(), "--ca", clientAuthDir.toString()}, Map.of(), System.out,
        System.err);

    assertThat(exit).isZero();
    assertThat(Files.readString(cert)).doesNotContain(CICS_KEY);
    String url = server.baseUrl() + "/topics/" + topic + "/records";
    if (Curl.available()) {
      Curl.Result result = Curl.run(List.of("-X", "POST", "-H", "Content-Type: text/plain", "-d", "from CICS",
          "--cert", cert.toString(), "--key", key.toString(), "--cacert", esCert.toString(), url));
      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.status()).as(result.body()).isEqualTo(200);
    } else {
      var issued = Pem.certificates(cert).get(0);
      Http asCics = new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(),
          Pem.privateKey(key, ""), issued));
      assertThat(produce(asCics, topic, "from CICS").send().status()).isEqualTo(200);
    }
    assertThat(values(topic, 1)).containsExactly("from CICS");
  }

  @Test
  void anEmbeddedKeyKeepsItsPermissionsAndARevokedOneNoLongerWorks() throws Exception {
    String topic = topic("embedded-perm");
    Http asReader = embeddedKeyClient("reader", READER_KEY);
    Http asRevoked = embeddedKeyClient("revoked", "a-key-that-is-not-in-the-file");

    assertEventStreamsError(produce(asReader, topic, "v").send(), 403);
    assertEventStreamsError(produce(asRevoked, topic, "v").send(), 401);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(1))).isEmpty();
  }

  private static Http embeddedKeyClient(String name, String apiKey) throws Exception {
    TestPki.Issued self = TestPki.client(TestPki.ca("throwaway"), "CN=" + name);
    Path csr = dir.resolve(name + ".csr");
    Path cert = dir.resolve(name + ".pem");
    Path key = TestPki.pem(dir.resolve(name + ".key"), self.privateKey());
    openssl("req", "-new", "-key", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + name);
    assertThat(SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in", csr.toString(),
        "--api-key", apiKey, "--out", cert.toString(), "--ca", clientAuthDir.toString()}, Map.of(), System.out,
        System.err)).isZero();
    return new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(), self.privateKey(),
        Pem.certificates(cert).get(0)));
  }

  private static JsonObject removeExp(JsonObject claims) {
    JsonObject copy = claims.copy();
    copy.remove("exp");
    return copy;
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
