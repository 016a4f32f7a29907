package io.tributary.server;

import io.tributary.testkit.FakeEngine;
import io.tributary.testkit.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The component tier's common frame: each test gets the real HTTP verticle in front of a fresh {@link FakeEngine}
 * (no broker), and an HTTP client to it.
 */
abstract class RoutesComponentTest {
  protected FakeEngineServer server;
  protected FakeEngine engine;
  protected Http http;

  @BeforeEach
  void startServerInFrontOfAFakeEngine() {
    server = FakeEngineServer.start(Map.of());
    engine = server.engine();
    http = server.http();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
