package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With authentication on, /metrics needs the admin permission; metrics.listener serves it to the scraper openly. */
class MetricsAuthE2ETest {
  private static final String ADMIN_KEY = "metrics-admin-key-0123456789";
  private static final String WRITER_KEY = "metrics-writer-key-0123456789";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;
  private static Http management;

  @BeforeAll
  static void start() throws Exception {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"ops","key":"%s","permissions":[{"topics":["*"],"operations":["admin"]}]},
          {"principal":"writer","key":"%s","permissions":[{"topics":["*"],"operations":["produce"]}]}
        ]}""".formatted(ADMIN_KEY, WRITER_KEY));
    String listener = "http://127.0.0.1:" + TestServer.freePort();
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString(), "metrics.listener", listener,
        "metrics.jmx.prefix", ""));
    http = server.http();
    management = new Http(listener);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void withoutCredentialsTheMetricsAre401() {
    assertThat(http.get("/metrics").send().status()).isEqualTo(401);
  }

  @Test
  void aPrincipalWithoutAdminGets403() {
    Http.Reply reply = http.get("/metrics").header("Authorization", "Bearer " + WRITER_KEY).send();
    assertError(reply, 403, 40301);
  }

  @Test
  void anAdminScrapesTheMetrics() {
    Http.Reply reply = http.get("/metrics").header("Authorization", "Bearer " + ADMIN_KEY).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(PrometheusScrape.parse(reply.text()).names()).contains("vertx_http_server_requests_total");
  }

  @Test
  void theManagementListenerServesOnlyTheMetricsAndWithoutCredentials() {
    Http.Reply reply = management.get("/metrics").send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(PrometheusScrape.parse(reply.text()).names()).contains("jvm_memory_used_bytes");
    assertThat(management.get("/v3/clusters").send().status()).isEqualTo(404);
  }
}
