package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestPki;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafka-rest's switches: {@code api.v2.enable}, {@code api.v3.enable}, {@code api.endpoints.allowlist} /
 * {@code blocklist} (a blocked endpoint answers as if it did not exist: 404 to GET, 405 otherwise) and the older
 * {@code ssl.client.auth=true}, which requires a client certificate.
 */
class KafkaRestApiSwitchesE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V2 = "application/vnd.kafka.v2+json";

  @TempDir
  Path dir;

  @Test
  void v3DisabledAnswers404AndBlockedV2EndpointsAreGoneWhileV1StaysServed() {
    try (TestServer server = TestServer.start(Map.of("api.v3.enable", "false",
        "api.endpoints.blocklist", "api.v2.brokers.*,api.v2.consumers.create"))) {
      Http http = server.http();
      assertError(http.get("/v3/clusters").send(), 404, 404);
      assertError(http.get("/kafka/v3/clusters").send(), 404, 404);
      Http.Reply create = http.post("/v3/clusters/any/topics").contentType("application/json")
          .body("{\"topic_name\":\"never\"}").send();
      assertThat(create.status()).as("%s", create).isEqualTo(404);

      assertError(http.get("/brokers").accept(V2).send(), 404, 404);
      assertThat(http.get("/brokers").accept(V1).send().status()).isEqualTo(200);
      assertThat(http.get("/topics").accept(V2).send().status()).isEqualTo(200);
      Http.Reply v2Create = http.post("/consumers/switches-g").contentType(V2).body("{}").send();
      assertError(v2Create, 405, 405);
      ErrorAssert.assertNoInternals(v2Create);
    }
  }

  @Test
  void anAllowlistServesOnlyWhatItNames() {
    try (TestServer server = TestServer.start(Map.of("api.endpoints.allowlist", "api.v3.clusters.*"))) {
      Http http = server.http();
      Http.Reply clusters = http.get("/v3/clusters").send();
      assertThat(clusters.status()).isEqualTo(200);
      String cluster = clusters.json().getJsonArray("data").getJsonObject(0).getString("cluster_id");
      assertThat(http.get("/v3/clusters/" + cluster).send().status()).isEqualTo(200);
      assertError(http.get("/v3/clusters/" + cluster + "/topics").send(), 404, 404);
      assertError(http.get("/topics").accept(V2).send(), 404, 404);
      // v1 has no endpoint names and is never filtered.
      assertThat(http.get("/topics").accept(V1).send().status()).isEqualTo(200);
    }
  }

  @Test
  void v2DisabledLeavesV1() {
    try (TestServer server = TestServer.start(Map.of("api.v2.enable", "false"))) {
      Http http = server.http();
      Http.Reply v2 = http.get("/topics").accept(V2).send();
      assertThat(v2.status()).as("%s", v2).isNotEqualTo(200).isLessThan(500);
      ErrorAssert.assertNoInternals(v2);
      assertThat(http.get("/topics").accept(V1).send().status()).isEqualTo(200);
    }
  }

  @Test
  void theOlderSslClientAuthTrueRequiresAClientCertificate() {
    TestPki.Issued ca = TestPki.ca("switches CA");
    TestPki.Issued client = TestPki.client(ca, "CN=switches-client");
    Path keyStore = TestPki.keyStore(dir.resolve("server.p12"), "PKCS12", "storepass", TestPki.server(ca), ca);
    Path trust = TestPki.pem(dir.resolve("ca.pem"), ca.certificate());
    try (TestServer server = TestServer.startTls(Map.of("ssl.keystore.location", keyStore.toString(),
        "ssl.keystore.type", "PKCS12", "ssl.keystore.password", "storepass",
        "ssl.truststore.location", trust.toString(), "ssl.truststore.type", "PEM", "ssl.client.auth", "true"))) {
      Http anonymous = new Http(server.baseUrl(), TlsClients.trusting(ca.certificate()));
      assertThatThrownBy(() -> anonymous.get("/v3/clusters").send()).isInstanceOf(UncheckedIOException.class);

      Http withCertificate = new Http(server.baseUrl(), TlsClients.withCertificate(ca.certificate(),
          client.privateKey(), client.certificate()));
      assertThat(withCertificate.get("/v3/clusters").send().status()).isEqualTo(200);
    }
  }
}
