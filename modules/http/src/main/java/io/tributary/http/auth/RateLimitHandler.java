package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits each principal's request rate ({@code rate.limit.*}). A request over the limit waits up to
 * {@code rate.limit.timeout.ms} for a permit, else it is rejected with 429 through {@link Access}, so that the body
 * has the shape of the generation that claims it. Requests that failed authentication are not counted: they are
 * refused anyway.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitHandler.class);

  private final PermitSource permits;
  private final long maxWaitNanos;

  public RateLimitHandler(RateLimiter limiter, long timeoutMs) {
    this((principal, maxWait) -> Future.succeededFuture(limiter.reserve(principal, maxWait)), timeoutMs);
  }

  /** Limits with permits from {@code permits} (this node's buckets, or a cluster-wide count). */
  public RateLimitHandler(PermitSource permits, long timeoutMs) {
    this.permits = permits;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (Access.rejection(ctx).isPresent()) {
      ctx.next();
      return;
    }
    Principal principal = Access.principal(ctx);
    permits.reserve(principal.name(), maxWaitNanos).onComplete(reserved -> {
      if (reserved.failed()) {
        // The cluster's count is out of reach (a node leaving mid-request): the limit must not take the proxy down.
        LOG.warn("Rate limit not applied to a request of principal {}: {}", principal.name(),
            reserved.cause().toString());
        ctx.next();
      } else {
        admit(ctx, principal, reserved.result());
      }
    });
  }

  private static void admit(RoutingContext ctx, Principal principal, long wait) {
    if (wait == 0) {
      ctx.next();
    } else if (wait > 0) {
      ctx.vertx().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), t -> ctx.next());
    } else {
      AUDIT.warn("denied: {} {} principal={} is over its rate limit", ctx.request().method(), ctx.request().path(),
          principal.name());
      Access.reject(ctx, ErrorCode.TOO_MANY_REQUESTS.toException(
          "Request rate limit exceeded: principal " + principal.name() + " sent more requests per second than"
              + " rate.limit.permits.per.sec allows."));
    }
  }
}
