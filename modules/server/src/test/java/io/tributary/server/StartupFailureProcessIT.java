package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start-up that cannot succeed ends the process at once, non-zero, with one line that names the key and the value
 * to change, and no stack trace at the default log level (the jar as an operator runs it).
 */
class StartupFailureProcessIT {
  @TempDir
  Path dir;

  /** The one "Cannot start" line names the key and the value; nothing looks like a stack trace. */
  static void assertOneLineNaming(String output, String key, String value) {
    List<String> lines = output.lines().filter(l -> l.contains("Cannot start")).toList();
    assertThat(lines).as(output).hasSize(1);
    assertThat(lines.get(0)).as(output).contains("'" + key + "'").contains(value);
    assertThat(output).as("no stack trace at the default log level").doesNotContain("\tat ")
        .doesNotContain("Exception in thread");
  }

  /** Configuration that would start if nothing were in the way: its own ports, an external (or no) broker. */
  private Map<String, String> config(String... keyValues) {
    Map<String, String> config = new HashMap<>();
    config.put("bootstrap.servers", "127.0.0.1:1");
    config.put("listeners", "http://127.0.0.1:" + JarProcess.freePort());
    config.put("embedded.schema.registry.listener", "http://127.0.0.1:" + JarProcess.freePort());
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  private void assertFailsNaming(Map<String, String> config, String key, String value) {
    try (JarProcess p = JarProcess.start(dir, "server", config)) {
      int exit = p.awaitExit();
      String output = p.output();
      assertThat(exit).as(output).isNotZero();
      assertOneLineNaming(output, key, value);
    }
  }

  @Test
  void theHttpListenersPortInUse() throws IOException {
    try (ServerSocket taken = JarProcess.occupiedPort()) {
      String listener = "http://127.0.0.1:" + taken.getLocalPort();
      assertFailsNaming(config("listeners", listener), "listeners", listener);
    }
  }

  @Test
  void theRegistryListenersPortInUse() throws IOException {
    try (ServerSocket taken = JarProcess.occupiedPort()) {
      String listener = "http://127.0.0.1:" + taken.getLocalPort();
      assertFailsNaming(config("embedded.schema.registry.listener", listener), "embedded.schema.registry.listener",
          listener);
    }
  }

  @Test
  void theListenerAndTheRegistryOnOnePort() {
    String shared = "http://127.0.0.1:" + JarProcess.freePort();
    assertFailsNaming(config("listeners", shared, "embedded.schema.registry.listener", shared),
        "embedded.schema.registry.listener", shared);
  }

  @Test
  void theListenerOnTheEmbeddedBrokersPortStopsTheBrokerAndExits() {
    // The port is free when checked, so the listener finds it taken only after the broker (whose threads would keep
    // the JVM alive), the engines and the registry have started: all of them must stop for the process to exit.
    String port = String.valueOf(JarProcess.freePort());
    String listener = "http://127.0.0.1:" + port;
    assertFailsNaming(embedded("embedded.kafka.port", port, "listeners", listener), "listeners", listener);
  }

  @Test
  void theEmbeddedBrokersPortInUse() throws IOException {
    try (ServerSocket taken = JarProcess.occupiedPort()) {
      String port = String.valueOf(taken.getLocalPort());
      assertFailsNaming(embedded("embedded.kafka.port", port), "embedded.kafka.port", port);
    }
  }

  @Test
  void theEmbeddedControllersPortInUse() throws IOException {
    try (ServerSocket taken = JarProcess.occupiedPort()) {
      String port = String.valueOf(taken.getLocalPort());
      assertFailsNaming(embedded("embedded.kafka.controller.port", port), "embedded.kafka.controller.port", port);
    }
  }

  @Test
  void anUnreadableServerKeyFile() {
    String missing = dir.resolve("no-such-key.pem").toString();
    assertFailsNaming(config("listeners", "https://127.0.0.1:" + JarProcess.freePort(),
        "ssl.keystore.location", missing, "ssl.keystore.type", "PEM"), "ssl.keystore.location", missing);
  }

  @Test
  void anUnreadableJwtPublicKeyFile() {
    String missing = dir.resolve("no-such-jwt.pem").toString();
    assertFailsNaming(config("auth.jwt.public.keys", missing), "auth.jwt.public.keys", missing);
  }

  @Test
  void anUnreadableTrustStore() {
    String missing = dir.resolve("no-such-ca.pem").toString();
    TestPki.Issued server = TestPki.server(TestPki.ca("CA"));
    Path serverPem = TestPki.pem(dir.resolve("server.pem"), server.privateKey(), server.certificate());
    assertFailsNaming(config("listeners", "https://127.0.0.1:" + JarProcess.freePort(),
        "ssl.keystore.location", serverPem.toString(), "ssl.keystore.type", "PEM", "ssl.client.authentication", "REQUIRED", "ssl.truststore.location", missing,
        "ssl.truststore.type", "PEM"), "ssl.truststore.location", missing);
  }

  @Test
  void aBadValue() {
    assertFailsNaming(config("embedded.kafka.port", "ninety"), "embedded.kafka.port", "ninety");
  }

  /** No bootstrap.servers: the embedded broker starts in a directory of this test, on free ports. */
  private Map<String, String> embedded(String... keyValues) {
    Map<String, String> config = config("embedded.kafka.dir", dir.resolve("kafka").toString(),
        "embedded.kafka.port", String.valueOf(JarProcess.freePort()));
    config.remove("bootstrap.servers");
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }
}
