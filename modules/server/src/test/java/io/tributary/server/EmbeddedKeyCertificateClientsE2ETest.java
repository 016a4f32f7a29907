package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.TributaryConfig;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate signed by {@code sign-clientauth-csr} for the documented RSA 4096 CSR, presented by every kind of
 * TLS client a user has: wget (GnuTLS) running the Event Streams documentation's own check verbatim, curl (OpenSSL)
 * and the JDK (JSSE); against https listeners with REQUESTED and REQUIRED client authentication. Certificates issued
 * before the sealed key moved into the subjectAltName keep working.
 */
class EmbeddedKeyCertificateClientsE2ETest {
  /** The CSR as docs/security.md (and Event Streams) tell users to make it. */
  static final String DOCUMENTED_CSR = "openssl req -new -newkey rsa:4096 -nodes -keyout client.key -out client.csr"
      + " -subj \"/CN=cics-region-1\"";
  /** The Event Streams documentation's check of a signed client certificate, placeholders and all. */
  static final String DOCUMENTED_WGET = "wget -qSO- --content-on-error --certificate=<client-cert>"
      + " --private-key=<client-key> --ca-cert=<es-cert> --header 'Content-Type: text/plain'"
      + " --post-data='some test data' <client-auth-endpoint>/topics/<topic-name>/records";
  private static final String CICS_KEY = "cics-key-0123456789";

  @TempDir
  static Path dir;
  private static TestServer requested;
  private static TestServer required;
  private static TestPki.Issued serverCa;
  private static PrivateKey clientKey;
  private static X509Certificate signed;
  private static Path legacyCert;
  private static X509Certificate legacy;

  @BeforeAll
  static void start() throws Exception {
    Wget.requireGnuTls();
    serverCa = TestPki.ca("Tributary test server CA");
    TestPki.Issued serverCert = TestPki.server(serverCa);
    TestPki.pem(dir.resolve("es-cert.pem"), serverCa.certificate());
    Path clientAuthDir = dir.resolve("clientauth");
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"cics","key":"%s","permissions":[{"topics":["certs-*"],"operations":["produce"]}]}
         ]}""".formatted(CICS_KEY));
    Path keyStore = TestPki.keyStore(dir.resolve("server.p12"), "PKCS12", "changeit", serverCert, serverCa);
    requested = TestServer.startTls(tls(keyStore, keys, clientAuthDir, "REQUESTED"));
    required = TestServer.startTls(tls(keyStore, keys, clientAuthDir, "REQUIRED"));

    // RSA 4096 takes seconds on a busy machine: one key for the whole class.
    Shell.Result csr = Shell.sh(dir, DOCUMENTED_CSR);
    assertThat(csr.exitCode()).as(csr.stderr()).isZero();
    int exit = SignClientAuthCsrCommand.run(new String[] {"sign-clientauth-csr", "--in",
        dir.resolve("client.csr").toString(), "--api-key", CICS_KEY, "--out", dir.resolve("client.pem").toString(),
        "--ca", clientAuthDir.toString()}, Map.of(),
        System.out, System.err);
    assertThat(exit).isZero();
    clientKey = Pem.privateKey(dir.resolve("client.key"), "");
    signed = Pem.certificates(dir.resolve("client.pem")).get(0);

    ClientAuthCa ca = ClientAuthCa.loadOrCreate(clientAuthDir);
    legacy = LegacyClientCertificates.issue(ca, ca.embeddedApiKeys(TributaryConfig.empty()),
        signed.getSubjectX500Principal(), signed.getPublicKey(), CICS_KEY);
    legacyCert = TestPki.pem(dir.resolve("legacy.pem"), legacy);
  }

  private static Map<String, String> tls(Path keyStore, Path keys, Path clientAuthDir, String clientAuthentication) {
    return Map.of("ssl.keystore.location", keyStore.toString(), "ssl.keystore.type", "PKCS12",
        "ssl.keystore.password", "changeit", "ssl.client.authentication", clientAuthentication,
        "auth.api.keys.file", keys.toString(), "auth.clientauth.ca.dir", clientAuthDir.toString());
  }

  @AfterAll
  static void stop() {
    if (requested != null) {
      requested.close();
    }
    if (required != null) {
      required.close();
    }
  }

  // The relative file names work because the command runs with the test directory as its working directory.
  private static Shell.Result documentedWget(String clientCert, TestServer server, String topic) {
    String command = DOCUMENTED_WGET.replace("<client-cert>", clientCert).replace("<client-key>", "client.key")
        .replace("<es-cert>", "es-cert.pem").replace("<client-auth-endpoint>", server.baseUrl())
        .replace("<topic-name>", topic);
    return Shell.sh(dir, command);
  }

  private static String topic(String name) {
    return TestKafka.createTopic(TestKafka.uniqueTopic("certs-" + name), 1);
  }

  private static List<String> values(String topic, int expected) {
    return TestKafka.readAll(topic, expected, Duration.ofSeconds(30)).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  private static void assertWgetProduces(TestServer server, String topicName) {
    String topic = topic(topicName);

    Shell.Result result = documentedWget("client.pem", server, topic);

    assertThat(Wget.status(result)).as(result.stderr() + result.stdout()).isEqualTo(200);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(values(topic, 1)).containsExactly("some test data");
  }

  @Test
  void theEventStreamsWgetCheckGets200WithRequestedClientAuthentication() {
    assertWgetProduces(requested, "wget-requested");
  }

  @Test
  void theEventStreamsWgetCheckGets200WithRequiredClientAuthentication() {
    assertWgetProduces(required, "wget-required");
  }

  @Test
  void curlPresentsTheSameCertificate() {
    assertThat(Curl.available()).as("this test runs /usr/bin/curl (OpenSSL)").isTrue();
    String topic = topic("curl");
    for (TestServer server : List.of(requested, required)) {
      Curl.Result result = Curl.run(List.of("--cert", dir.resolve("client.pem").toString(), "--key",
          dir.resolve("client.key").toString(), "--cacert", dir.resolve("es-cert.pem").toString(), "-H",
          "Content-Type: text/plain", "-d", "by curl", server.baseUrl() + "/topics/" + topic + "/records"));
      assertThat(result.exitCode()).as(result.stderr()).isZero();
      assertThat(result.status()).as(result.body()).isEqualTo(200);
    }
    assertThat(values(topic, 2)).containsExactly("by curl", "by curl");
  }

  @Test
  void theJdkPresentsTheSameCertificate() {
    String topic = topic("jsse");
    for (TestServer server : List.of(requested, required)) {
      Http http = new Http(server.baseUrl(), TlsClients.withCertificate(serverCa.certificate(), clientKey, signed));
      assertThat(http.post("/topics/" + topic + "/records").contentType("text/plain").body("by the JDK").send()
          .status()).isEqualTo(200);
    }
    assertThat(values(topic, 2)).containsExactly("by the JDK", "by the JDK");
  }

  @Test
  void aCertificateIssuedWithTheOldExtensionStillProducesThroughCurlAndTheJdk() {
    assertThat(Curl.available()).as("this test runs /usr/bin/curl (OpenSSL)").isTrue();
    String topic = topic("legacy");
    Curl.Result byCurl = Curl.run(List.of("--cert", legacyCert.toString(), "--key",
        dir.resolve("client.key").toString(), "--cacert", dir.resolve("es-cert.pem").toString(), "-H",
        "Content-Type: text/plain", "-d", "old certificate", requested.baseUrl() + "/topics/" + topic + "/records"));
    Http byJdk = new Http(required.baseUrl(), TlsClients.withCertificate(serverCa.certificate(), clientKey, legacy));

    assertThat(byCurl.exitCode()).as(byCurl.stderr()).isZero();
    assertThat(byCurl.status()).as(byCurl.body()).isEqualTo(200);
    assertThat(byJdk.post("/topics/" + topic + "/records").contentType("text/plain").body("old certificate").send()
        .status()).isEqualTo(200);
    assertThat(values(topic, 2)).containsExactly("old certificate", "old certificate");
  }
}
