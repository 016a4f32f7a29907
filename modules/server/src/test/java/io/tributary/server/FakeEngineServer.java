package io.tributary.server;

import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.TributaryConfig;
import io.tributary.testkit.FakeEngine;
import io.tributary.testkit.Http;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The component tier: the real HTTP verticle with every generation's routes, security and failure handler, in front
 * of a {@link FakeEngine} on the local bus instead of the engines, so there is no broker. Tests check routing,
 * negotiation, error mapping and the request bodies the routes hand to the engines; every response is also checked
 * against its generation's OpenAPI document (ApiContracts), as in the end-to-end tests.
 */
final class FakeEngineServer implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final FakeEngine engine;
  private final String baseUrl;

  private FakeEngineServer(Vertx vertx, FakeEngine engine, String baseUrl) {
    this.vertx = vertx;
    this.engine = engine;
    this.baseUrl = baseUrl;
  }

  /** Serves on a free port; {@code overrides} are configuration keys on top of the defaults. Close it. */
  static FakeEngineServer start(Map<String, String> overrides) {
    int port = TestServer.freePort();
    Map<String, String> values = new HashMap<>();
    // Never contacted: no engine runs, so no Kafka client is made.
    values.put("bootstrap.servers", "127.0.0.1:1");
    values.put("listeners", "http://127.0.0.1:" + port);
    values.put("http.instances", "1");
    values.putAll(overrides);
    TributaryConfig config = new TributaryConfig(values);
    Vertx vertx = Vertx.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    FakeEngine engine = new FakeEngine(vertx);
    try {
      Security.HttpSecurity security = Security.load(config).forHttp(vertx);
      await(vertx.deployVerticle(new HttpVerticle(config, ApiModules.forConfig(config), security,
          new MetricsEndpoint(ProxyMetrics.create(config)))));
    } catch (RuntimeException e) {
      await(vertx.close());
      throw e;
    }
    return new FakeEngineServer(vertx, engine, "http://127.0.0.1:" + port);
  }

  FakeEngine engine() {
    return engine;
  }

  Http http() {
    return new Http(baseUrl).checkedBy(ApiContracts.MAIN_LISTENER);
  }

  @Override
  public void close() {
    engine.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
