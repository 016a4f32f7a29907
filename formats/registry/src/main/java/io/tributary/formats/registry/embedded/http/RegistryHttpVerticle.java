package io.tributary.formats.registry.embedded.http;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.schema.SchemaType;
import io.tributary.http.Bus;
import io.tributary.http.ConnectionGuard;
import io.tributary.http.RequestBodies;
import io.tributary.http.RequestTargets;
import io.tributary.http.access.AccessLogHandler;
import io.tributary.http.auth.AuthHandler;
import io.tributary.http.error.FailureHandler;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The embedded registry's REST API (the Confluent Schema Registry API of reference §3) on its own listener,
 * {@code embedded.schema.registry.listener}. Routes parse requests and talk to the store over the bus; every error
 * is written by the one failure handler in the registry's envelope. With API keys configured, requests need one,
 * as on the proxy's own listener.
 */
public final class RegistryHttpVerticle extends VerticleBase {
  private final TributaryConfig config;
  private final Set<SchemaType> types;
  private final AuthHandler auth;
  private HttpServer server;

  /** @param auth the proxy's authentication (shared and thread-safe) */
  public RegistryHttpVerticle(TributaryConfig config, Set<SchemaType> types, AuthHandler auth) {
    this.config = config;
    this.types = types;
    this.auth = auth;
  }

  /** The configured listener, checked (fails start-up with a message naming the key). */
  public static URI listener(TributaryConfig config) {
    String key = ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_LISTENER.name();
    String value = config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_LISTENER).trim();
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "'" + value + "' is not a URL like http://host:port");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new ConfigException(key, "'" + value + "' is not a URL like http://host:port (only http is supported)");
    }
    return uri;
  }

  @Override
  public Future<?> start() {
    URI uri = listener(config);
    Bus bus = new Bus(vertx, config.get(ConfigKeys.BUS_TIMEOUT_MS));
    RegistryReplies replies = new RegistryReplies(bus);
    FailureHandler failures = new FailureHandler(RegistryMedia.ERRORS);
    Router router = Router.router(vertx);
    ConnectionGuard guard = new ConnectionGuard(vertx, config, request -> false);
    router.route().handler(guard);
    AccessLogHandler.forGeneration(config, "registry").ifPresent(log -> router.route().handler(log));
    router.route().handler(RequestTargets::check);
    router.route().handler(RequestBodies.create(config.get(ConfigKeys.REQUEST_BODY_MAX_BYTES)));
    router.route().handler(auth);
    // The registry has a single error shape, so it claims every request at once: a refused credential fails here
    // (the authentication handler only records a refusal until a route claims the request).
    router.route().handler(ctx -> {
      RegistryMedia.ERRORS.use(ctx);
      ctx.next();
    });
    RegistryMedia.at(router.route("/").method(HttpMethod.GET).method(HttpMethod.POST))
        .handles(call -> Future.succeededFuture(Reply.ok(new JsonObject())));
    new SchemaRoutes(replies, types).mount(router);
    new SubjectRoutes(replies).mount(router);
    new ConfigRoutes(replies).mount(router);
    new ModeRoutes(replies).mount(router);
    new MetadataRoutes(bus, config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC)).mount(router);
    new CompatibilityRoutes(replies).mount(router);
    new LatestWithMetadataRoutes(replies).mount(router);
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.unmatched(ctx, 404));
    router.errorHandler(405, ctx -> failures.unmatched(ctx, 405));
    server = guard.createServer(new HttpServerOptions()).requestHandler(router);
    return server.listen(uri.getPort(), uri.getHost()).recover(e -> Future.failedFuture(ConfigException.cannotListen(
        ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_LISTENER.name(), uri.toString(), uri.getHost(), uri.getPort(), e)));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(config.get(ConfigKeys.SHUTDOWN_GRACEFUL_MS), TimeUnit.MILLISECONDS);
  }
}
