package io.tributary.server;

import io.tributary.core.config.TributaryConfig;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The assembled server, started in this JVM against the test broker on a free port. {@link #shared()} is one
 * server for every test class that needs no special configuration; {@link #start(Map)} starts a dedicated one.
 */
public final class TestServer implements AutoCloseable {
  private static TestServer shared;

  private final TributaryServer server;
  private final String baseUrl;

  private TestServer(TributaryServer server, String baseUrl) {
    this.server = server;
    this.baseUrl = baseUrl;
  }

  public static synchronized TestServer shared() {
    if (shared == null) {
      shared = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared.server::stop, "test-server-shutdown"));
    }
    return shared;
  }

  /** A dedicated server; {@code overrides} are configuration keys on top of the test defaults. Close it. */
  public static TestServer start(Map<String, String> overrides) {
    return start(overrides, "http");
  }

  /**
   * A dedicated server with an https:// listener ({@code overrides} must name the ssl.* settings); its base URL
   * uses the host name {@code localhost}, as a client checking the server certificate would.
   */
  public static TestServer startTls(Map<String, String> overrides) {
    return start(overrides, "https");
  }

  private static TestServer start(Map<String, String> overrides, String scheme) {
    int port = freePort();
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", TestKafka.bootstrapServers());
    values.put("listeners", scheme + "://127.0.0.1:" + port);
    values.put("http.instances", "2");
    values.put("embedded.schema.registry.listener", "http://127.0.0.1:" + freePort());
    values.putAll(overrides);
    TributaryServer server = TributaryServer.start(new TributaryConfig(values));
    return new TestServer(server, scheme + "://" + ("https".equals(scheme) ? "localhost" : "127.0.0.1") + ":" + port);
  }

  public Http http() {
    return new Http(baseUrl).checkedBy(ApiContracts.MAIN_LISTENER);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public TributaryServer server() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
