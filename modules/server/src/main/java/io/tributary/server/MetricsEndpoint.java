package io.tributary.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.auth.Operation;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.auth.Access;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: the Prometheus text exposition. On the main listeners it sits behind authentication and needs
 * the admin permission (on any topic pattern); on {@code metrics.listener} it is the only route and open.
 */
final class MetricsEndpoint {
  static final String PATH = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ProxyMetrics metrics;

  MetricsEndpoint(ProxyMetrics metrics) {
    this.metrics = metrics;
  }

  /** Where the routes' own meters go. */
  MeterRegistry registry() {
    return metrics.registry();
  }

  /** Counts {@code ctx}, a v3 produce stream, as open until its response ends or its connection closes. */
  void streamOpened(RoutingContext ctx) {
    metrics.streamsOpen().incrementAndGet();
    ctx.addEndHandler(ended -> metrics.streamsOpen().decrementAndGet());
  }

  /** The route on a main listener: after the authentication handler, admin only. */
  void mountGuarded(Router router) {
    router.get(PATH).setName("root " + PATH).handler(ctx -> {
      ConfluentErrorRenderer.V1.use(ctx);
      if (!Access.principal(ctx).hasAny(Operation.ADMIN)) {
        throw ErrorCode.FORBIDDEN.toException("Not authorized: the metrics need the admin permission.");
      }
      scrape(ctx);
    });
  }

  /** The route on the management listener, which serves nothing else. */
  void mountOpen(Router router) {
    router.get(PATH).setName("root " + PATH).handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    // A scrape walks every meter: off the event loop, so a slow scrape never holds up a request.
    ctx.vertx().executeBlocking(metrics::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text))
        .onFailure(ctx::fail);
  }
}
