package io.tributary.server;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.ApiModule;
import io.tributary.http.BaseUris;
import io.tributary.http.Bus;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.ApiKeyStore;
import io.tributary.http.auth.AuthHandler;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP event loop's worth of the proxy: a router with body limits, authentication, the root and health
 * routes and every API module, served on each configured listener. The server deploys one instance per core;
 * instances share the listening sockets.
 */
final class HttpVerticle extends VerticleBase {
  private final TributaryConfig config;
  private final List<ApiModule> modules;
  private final ApiKeyStore keys;
  private final List<HttpServer> servers = new ArrayList<>();

  HttpVerticle(TributaryConfig config, List<ApiModule> modules, ApiKeyStore keys) {
    this.config = config;
    this.modules = modules;
    this.keys = keys;
  }

  @Override
  public Future<?> start() {
    Bus bus = new Bus(vertx, config.get(ConfigKeys.BUS_TIMEOUT_MS));
    RouteContext deps = new RouteContext(vertx, bus, config, new BaseUris(config.list(ConfigKeys.ADVERTISED_LISTENERS),
        config.get(ConfigKeys.HOST_NAME), config.list(ConfigKeys.LISTENERS)));
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler(ConfluentErrorRenderer.V1);
    RootRoutes root = new RootRoutes(bus);

    router.route().handler(BodyHandler.create(false).setBodyLimit(config.get(ConfigKeys.REQUEST_BODY_MAX_BYTES)));
    root.mountHealth(router);
    modules.forEach(m -> m.mountBeforeAuth(router, deps));
    router.route().handler(new AuthHandler(keys));
    root.mountRoot(router);
    modules.forEach(m -> m.mount(router, deps));
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.unmatched(ctx, 404));
    router.errorHandler(405, ctx -> failures.unmatched(ctx, 405));

    List<Future<HttpServer>> listening = new ArrayList<>();
    for (String listener : config.list(ConfigKeys.LISTENERS)) {
      URI uri = URI.create(listener);
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
          .setDecompressionSupported(true)).requestHandler(router);
      servers.add(server);
      listening.add(server.listen(uri.getPort(), uri.getHost()));
    }
    return Future.all(listening);
  }

  @Override
  public Future<?> stop() {
    long graceMs = config.get(ConfigKeys.SHUTDOWN_GRACEFUL_MS);
    // shutdown() stops accepting, lets in-flight requests finish within the grace period, then closes.
    return Future.all(servers.stream().map(s -> s.shutdown(graceMs, TimeUnit.MILLISECONDS)).toList());
  }
}
