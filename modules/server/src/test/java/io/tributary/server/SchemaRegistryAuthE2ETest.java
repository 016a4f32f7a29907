package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With API keys configured, the embedded registry's listener wants a key too, and says so in its own envelope. */
class SchemaRegistryAuthE2ETest {
  @TempDir
  Path dir;

  @Test
  void theRegistryListenerRequiresAnApiKey() throws Exception {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[{"principal":"app","key":"APPKEY","permissions":[{"topics":["*"],"operations":["produce"]}]}]}""");
    try (TestServer server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()))) {
      Http registry = SchemaRegistryTestData.registry(server);

      Http.Reply anonymous = registry.get("/subjects").send();
      assertError(anonymous, 401, 40101);
      assertThat(anonymous.contentType()).isEqualTo(SR);
      assertError(registry.get("/subjects").header("X-Auth-Token", "WRONG").send(), 401, 40101);

      Http.Reply registered = registry.post("/subjects/auth-value/versions").header("X-Auth-Token", "APPKEY")
          .contentType(SR).body(body(avroRecord("Auth"))).send();
      assertThat(registered.status()).as("%s", registered).isEqualTo(200);
      assertThat(registry.get("/subjects").header("X-Auth-Token", "APPKEY").send().array()).contains("auth-value");
    }
  }
}
