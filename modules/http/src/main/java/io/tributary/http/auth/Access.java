package io.tributary.http.auth;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The request's principal, and the permission checks routes make before they send anything to an engine. */
public final class Access {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");
  private static final String KEY = "tributary.principal";

  private Access() {}

  static void set(RoutingContext ctx, Principal principal) {
    ctx.put(KEY, principal);
  }

  /** The authenticated principal; anonymous when no authentication ran (auth off). */
  public static Principal principal(RoutingContext ctx) {
    Principal p = ctx.get(KEY);
    return p != null ? p : Principal.ANONYMOUS;
  }

  /** Fails with 403 (40301) unless the principal may perform {@code operation} on {@code topic}. */
  public static void require(RoutingContext ctx, Operation operation, String topic) {
    Principal p = principal(ctx);
    if (!p.may(operation, topic)) {
      AUDIT.warn("denied: {} {} principal={} lacks {} on topic {}", ctx.request().method(), ctx.request().path(),
          p.name(), operation.name().toLowerCase(), topic);
      throw ErrorCode.FORBIDDEN.toException(
          "Not authorized: principal " + p.name() + " may not " + operation.name().toLowerCase() + " topic " + topic
              + ".");
    }
  }

  /** Fails with 403 unless the principal may see the topic at all (metadata of a single topic). */
  public static void requireVisible(RoutingContext ctx, String topic) {
    Principal p = principal(ctx);
    if (!p.maySee(topic)) {
      AUDIT.warn("denied: {} {} principal={} may not see topic {}", ctx.request().method(), ctx.request().path(),
          p.name(), topic);
      throw ErrorCode.FORBIDDEN.toException("Not authorized: principal " + p.name() + " may not see topic " + topic
          + ".");
    }
  }
}
