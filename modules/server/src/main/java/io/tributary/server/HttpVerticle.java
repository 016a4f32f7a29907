package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.ApiModule;
import io.tributary.http.BaseUris;
import io.tributary.http.Bus;
import io.tributary.http.ConnectionGuard;
import io.tributary.http.RequestBodies;
import io.tributary.http.RequestTargets;
import io.tributary.http.RouteContext;
import io.tributary.http.access.AccessLogHandler;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP event loop's worth of the proxy: a router with URI and body limits, the health routes, authentication
 * and rate limiting, the root routes and every API module, served on each configured listener (http or https).
 * The server deploys one instance per core; instances share the listening sockets.
 */
final class HttpVerticle extends VerticleBase {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  private final TributaryConfig config;
  private final List<ApiModule> modules;
  private final Security.HttpSecurity security;
  private final List<HttpServer> servers = new ArrayList<>();
  private final MetricsEndpoint metrics;
  private final Supplier<JsonObject> clusterStatus;

  HttpVerticle(TributaryConfig config, List<ApiModule> modules, Security.HttpSecurity security,
      MetricsEndpoint metrics) {
    this(config, modules, security, metrics, () -> null);
  }

  /** {@code clusterStatus}: the cluster membership {@code /health/ready} reports, null when the node runs alone. */
  HttpVerticle(TributaryConfig config, List<ApiModule> modules, Security.HttpSecurity security,
      MetricsEndpoint metrics, Supplier<JsonObject> clusterStatus) {
    this.clusterStatus = clusterStatus;
    this.config = config;
    this.modules = modules;
    this.security = security;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    Bus bus = new Bus(vertx, config.get(ConfigKeys.BUS_TIMEOUT_MS), metrics.registry());
    RouteContext deps = new RouteContext(vertx, bus, config, new BaseUris(config.list(ConfigKeys.ADVERTISED_LISTENERS),
        config.get(ConfigKeys.HOST_NAME), config.list(ConfigKeys.LISTENERS)));
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler(ConfluentErrorRenderer.V1);
    RootRoutes root = new RootRoutes(bus, clusterStatus);
    ConnectionGuard guard = new ConnectionGuard(vertx, config, this::streams);

    router.route().handler(guard);
    AccessLogHandler.forProxy(config).ifPresent(log -> router.route().handler(log));
    router.route().handler(UriLimit::check);
    router.route().handler(RequestTargets::check);
    // CORS first: a preflight carries no credential and must be answered before authentication.
    CorsSettings.fromConfig(config).ifPresent(cors -> router.route().handler(cors));
    // Streaming endpoints (v3 produce) read their bodies themselves, as they arrive (see RequestBodies).
    router.route().handler(RequestBodies.create(config.get(ConfigKeys.REQUEST_BODY_MAX_BYTES), this::streams));
    router.route().handler(ctx -> {
      if (streams(ctx)) {
        metrics.streamOpened(ctx);
      }
      ctx.next();
    });
    // Route names carry the generation into the HTTP meters' labels (HttpMeterLabels).
    HttpMeterLabels.nameRoutes(router, "root", () -> {
      root.mountHealth(router);
      new ApiDocsRoutes().mount(router); // /openapi/*.yaml and /docs, before authentication
    });
    modules.forEach(m -> HttpMeterLabels.nameRoutes(router, HttpMeterLabels.generation(m),
        () -> m.mountBeforeAuth(router, deps)));
    router.route().handler(security.auth());
    if (security.rateLimit() != null) {
      router.route().handler(security.rateLimit());
    }
    ApiEndpointFilter.fromConfig(config, failures).ifPresent(filter -> router.route().handler(filter));
    metrics.mountGuarded(router);
    HttpMeterLabels.nameRoutes(router, "root", () -> root.mountRoot(router));
    modules.forEach(m -> HttpMeterLabels.nameRoutes(router, HttpMeterLabels.generation(m),
        () -> m.mount(router, deps)));
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.unmatched(ctx, 404));
    router.errorHandler(405, ctx -> failures.unmatched(ctx, 405));

    List<Future<HttpServer>> listening = new ArrayList<>();
    for (String listener : config.list(ConfigKeys.LISTENERS)) {
      URI uri = URI.create(listener);
      HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true)
          .setDecompressionSupported(true).setMaxInitialLineLength(UriLimit.MAX_INITIAL_LINE);
      if ("https".equalsIgnoreCase(uri.getScheme())) {
        security.tls().apply(options);
      }
      HttpServer server = guard.createServer(options).requestHandler(router)
          .invalidRequestHandler(UriLimit::invalidRequest)
          .exceptionHandler(HttpVerticle::connectionFailed);
      servers.add(server);
      listening.add(server.listen(uri.getPort(), uri.getHost()).recover(e -> Future.failedFuture(
          ConfigException.cannotListen(ConfigKeys.LISTENERS.name(), listener, uri.getHost(), uri.getPort(), e))));
    }
    metricsListener().ifPresent(listening::add);
    return Future.all(listening);
  }

  /** {@code metrics.listener}: a plain HTTP listener that serves only {@code GET /metrics}, for the scraper. */
  private Optional<Future<HttpServer>> metricsListener() {
    String listener = config.get(ConfigKeys.METRICS_LISTENER).trim();
    if (listener.isEmpty()) {
      return Optional.empty();
    }
    URI uri = URI.create(listener);
    Router router = Router.router(vertx);
    metrics.mountOpen(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    servers.add(server);
    return Optional.of(server.listen(uri.getPort(), uri.getHost()));
  }

  /** A connection that failed before it carried a request: a refused TLS handshake is a denied request too. */
  private static void connectionFailed(Throwable error) {
    if (error instanceof SSLHandshakeException || error.getCause() instanceof SSLHandshakeException) {
      AUDIT.warn("denied: TLS handshake refused: {}", error.getMessage());
    }
  }

  private boolean streams(RoutingContext ctx) {
    try {
      for (ApiModule module : modules) {
        if (module.streamsBody(ctx)) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException notPercentEncoding) {
      // The connection guard asks before RequestTargets has looked at the path; a path that cannot be decoded
      // streams nothing, and RequestTargets answers it with 400 next.
      return false;
    }
  }

  @Override
  public Future<?> stop() {
    // shutdown() stops accepting and lets in-flight requests finish; open v3 streams stop reading when the grace
    // period is over and still need their last receipts, which Kafka gives within the bus timeout at the latest.
    // Only then are connections still open closed.
    long closeAfterMs = config.get(ConfigKeys.SHUTDOWN_GRACEFUL_MS) + config.get(ConfigKeys.BUS_TIMEOUT_MS);
    return Future.all(servers.stream().map(s -> s.shutdown(closeAfterMs, TimeUnit.MILLISECONDS)).toList());
  }
}
