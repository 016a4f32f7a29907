package io.tributary.server;

import static io.tributary.server.EventStreamsProduceE2ETest.assertEventStreamsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other TLS settings (a PEM key store with an encrypted key, a PKCS12 trust store, client certificates
 * REQUIRED) and the per-principal rate limit, whose 429 has the shape of the generation that claims the request.
 */
class SecurityTlsRateLimitE2ETest {
  private static final String KEY_A = "rate-limited-key-a";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static TestPki.Issued serverCa;
  private static TestPki.Issued client;
  private static String topic;

  @BeforeAll
  static void start() throws Exception {
    serverCa = TestPki.ca("Tributary test server CA");
    TestPki.Issued serverCert = TestPki.server(serverCa);
    TestPki.Issued partnerCa = TestPki.ca("Partner CA");
    client = TestPki.client(partnerCa, "CN=batch-job,O=Partner");
    // The key encrypted the way OpenSSL users do it, then key and chain in one file.
    Path plainKey = TestPki.pem(dir.resolve("server-key.pem"), serverCert.privateKey());
    Path encryptedKey = dir.resolve("server-key-enc.pem");
    run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:key-secret", "-in",
        plainKey.toString(), "-out", encryptedKey.toString());
    Path bundle = dir.resolve("server-bundle.pem");
    Files.writeString(bundle, Files.readString(encryptedKey) + Pem.encode(serverCert.certificate(),
        serverCa.certificate()));
    Path trust = dir.resolve("partner-ca.p12");
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("partner", partnerCa.certificate());
    try (var out = Files.newOutputStream(trust)) {
      store.store(out, "trust-secret".toCharArray());
    }
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[{"principal":"a","key":"%s","permissions":[{"topics":["*"],"operations":["produce"]}]}],
         "certificates":[{"subject":"CN=batch-job,O=Partner","permissions":[{"topics":["*"],"operations":["produce"]}]}]}
        """.formatted(KEY_A));
    server = TestServer.startTls(Map.of(
        "ssl.keystore.location", bundle.toString(),
        "ssl.keystore.type", "PEM",
        "ssl.key.password", "key-secret",
        "ssl.truststore.location", trust.toString(),
        "ssl.truststore.type", "PKCS12",
        "ssl.truststore.password", "trust-secret",
        "ssl.client.authentication", "REQUIRED",
        "auth.api.keys.file", keys.toString(),
        "rate.limit.enable", "true",
        "rate.limit.permits.per.sec", "1"));
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("rate"), 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Http withCertificate() {
    return new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(), client.privateKey(),
        client.certificate()));
  }

  @Test
  void withClientAuthenticationRequiredAClientWithoutCertificateCannotConnect() {
    Http anonymous = new Http(server.baseUrl(), TlsClients.trusting(serverCa.certificate()));

    assertThatThrownBy(() -> anonymous.post("/topics/" + topic + "/records").header("X-Auth-Token", KEY_A)
        .contentType("text/plain").body("v").send()).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aPrincipalOverItsRateGets429InTheShapeOfEachGenerationWhileOthersAreServed() {
    Http http = withCertificate();
    List<Http.Reply> es = new ArrayList<>();
    List<Http.Reply> v1 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      es.add(http.post("/topics/" + topic + "/records").header("X-Auth-Token", KEY_A).contentType("text/plain")
          .body("v").send());
      v1.add(http.post("/topics/" + topic).header("X-Auth-Token", KEY_A)
          .contentType("application/vnd.kafka.binary.v1+json").body("{\"records\":[{\"value\":\"dg==\"}]}").send());
    }
    // The certificate's principal has a bucket of its own.
    Http.Reply other = http.post("/topics/" + topic + "/records").contentType("text/plain").body("by cert").send();

    Http.Reply esLimited = es.stream().filter(r -> r.status() == 429).findFirst().orElseThrow(
        () -> new AssertionError("no 429 among " + es));
    assertEventStreamsError(esLimited, 429);
    Http.Reply v1Limited = v1.stream().filter(r -> r.status() == 429).findFirst().orElseThrow(
        () -> new AssertionError("no 429 among " + v1));
    io.tributary.testkit.ErrorAssert.assertError(v1Limited, 429, 429);
    assertThat(v1Limited.contentType()).isEqualTo("application/vnd.kafka.v1+json");
    assertThat(v1Limited.json().containsKey("error")).isFalse();
    assertThat(other.status()).as("%s", other).isEqualTo(200);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
