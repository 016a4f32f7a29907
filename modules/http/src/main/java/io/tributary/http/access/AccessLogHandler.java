package io.tributary.http.access;

import io.tributary.core.auth.Principal;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.auth.Access;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.ErrorRenderer;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.tributary.http.error.RequestClaim;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request to the logger {@value #LOGGER} once the response has ended (or its connection
 * closed). Mount it right after the connection guard (which must come first), before anything that can answer a
 * request, so that requests answered early (timeouts, limits, 401) are logged too.
 *
 * <p>Vert.x Web's {@code LoggerHandler} is not used: it logs to a fixed logger of its own, at a level that depends on
 * the status, and cannot know the principal or the generation, which only Tributary's authentication and routes do.
 *
 * <p>What is never logged: the query string (v1 clients and some tools put keys and tokens there), any header other
 * than the user agent and the referer (whose query and user-info are cut), and any body. The principal is the name
 * the authentication configuration gives it, never the API key, password or token that proved it.
 */
public final class AccessLogHandler implements Handler<RoutingContext> {
  public static final String LOGGER = "io.tributary.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final AccessLogFormat format;
  private final Function<RoutingContext, String> generation;

  private AccessLogHandler(AccessLogFormat format, Function<RoutingContext, String> generation) {
    this.format = format;
    this.generation = generation;
  }

  /**
   * The access log of the proxy's own listeners, where the generation is the one whose route claimed the request;
   * empty when {@code access.log.enable=false}.
   */
  public static Optional<AccessLogHandler> forProxy(TributaryConfig config) {
    return of(config, AccessLogHandler::claimedGeneration);
  }

  /** The access log of a listener that serves one generation only (the embedded registry's). */
  public static Optional<AccessLogHandler> forGeneration(TributaryConfig config, String generation) {
    return of(config, ctx -> generation);
  }

  private static Optional<AccessLogHandler> of(TributaryConfig config, Function<RoutingContext, String> generation) {
    if (!config.get(ConfigKeys.ACCESS_LOG_ENABLE)) {
      return Optional.empty();
    }
    return Optional.of(new AccessLogHandler(AccessLogFormat.of(config.get(ConfigKeys.ACCESS_LOG_FORMAT)),
        generation));
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ctx.addEndHandler(ended -> {
      if (LOG.isInfoEnabled()) {
        LOG.info(format.format(entry(ctx, time, (System.nanoTime() - started) / 1_000_000)));
      }
    });
    ctx.next();
  }

  private AccessLogEntry entry(RoutingContext ctx, Instant time, long durationMs) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    SocketAddress remote = request.remoteAddress();
    String client = remote == null ? null : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    String principal = Access.authenticated(ctx).filter(p -> p != Principal.ANONYMOUS).map(Principal::name)
        .orElse(null);
    int status = response.headWritten() ? response.getStatusCode() : 0;
    return new AccessLogEntry(time, client, principal, request.method().name(), request.path(),
        protocol(request), status, response.bytesWritten(), durationMs, generation.apply(ctx),
        referer(request.getHeader("Referer")), request.getHeader("User-Agent"));
  }

  private static String protocol(HttpServerRequest request) {
    return switch (request.version()) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2.0";
    };
  }

  /** The referer without user-info, query or fragment, which may carry credentials of another site. */
  static String referer(String referer) {
    if (referer == null) {
      return null;
    }
    int cut = referer.length();
    for (char c : new char[] {'?', '#'}) {
      int i = referer.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return referer.substring(0, cut).replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
  }

  /** The generation whose route claimed the request: its error renderer says which. */
  private static String claimedGeneration(RoutingContext ctx) {
    ErrorRenderer renderer = RequestClaim.renderer(ctx).orElse(null);
    if (renderer == ConfluentErrorRenderer.V1) {
      return "v1";
    } else if (renderer == ConfluentErrorRenderer.V2) {
      return "v2";
    } else if (renderer == ConfluentErrorRenderer.V3) {
      return "v3";
    } else if (renderer == EventStreamsErrorRenderer.INSTANCE) {
      return "eventstreams";
    }
    return null;
  }
}
