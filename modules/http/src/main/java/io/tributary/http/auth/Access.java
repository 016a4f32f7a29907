package io.tributary.http.auth;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.InternalTopics;
import io.tributary.http.error.RequestClaim;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request's principal, and the permission checks routes make before they send anything to an engine.
 *
 * <p>Admission is deferred: the request-level checks (authentication, rate limit) record their verdict in the
 * request's {@link RequestClaim}, and it takes effect when a route claims the request, when a route asks for the
 * principal, or when no route matches at all (that class says why). A request that was not admitted can therefore
 * never reach an engine.
 */
public final class Access {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");
  private static final String KEY = "tributary.principal";

  private Access() {}

  static void admit(RoutingContext ctx, Principal principal) {
    ctx.put(KEY, principal);
  }

  /** Records that the request may not proceed (401, 429): {@link RequestClaim#reject}. */
  static void reject(RoutingContext ctx, TributaryException rejection) {
    RequestClaim.reject(ctx, rejection);
  }

  /** The verdict against this request, if the request-level checks refused it. */
  public static Optional<TributaryException> rejection(RoutingContext ctx) {
    return RequestClaim.rejection(ctx);
  }

  /** Throws the request's rejection (401, 429), if there is one. */
  public static void enforceAdmission(RoutingContext ctx) {
    RequestClaim.enforceAdmission(ctx);
  }

  /**
   * The authenticated principal; anonymous when authentication is off.
   *
   * @throws TributaryException 401/429 when the request was not admitted
   */
  public static Principal principal(RoutingContext ctx) {
    enforceAdmission(ctx);
    Principal p = ctx.get(KEY);
    if (p == null) {
      // No authentication handler ran: only possible in a router without one, which has authentication off.
      return Principal.ANONYMOUS;
    }
    return p;
  }

  /**
   * The principal the authentication handler admitted, without enforcing admission: for the access log, which
   * names whoever a request was authenticated as, also when it was refused later.
   */
  public static Optional<Principal> authenticated(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
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

  /**
   * What every produce route checks before it converts or sends anything: 403 (40301) unless the principal may
   * produce to {@code topic} and the topic is not one of the {@code internal} ones, whatever the principal's grants.
   */
  public static void requireProduce(RoutingContext ctx, InternalTopics internal, String topic) {
    require(ctx, Operation.PRODUCE, topic);
    if (internal.isInternal(topic)) {
      AUDIT.warn("denied: {} {} principal={} may not produce to internal topic {}", ctx.request().method(),
          ctx.request().path(), principal(ctx).name(), topic);
      throw internal.refusal(topic);
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

  /** Fails with 403 unless the principal holds {@code operation} on some topic (cluster-level operations). */
  public static void requireAny(RoutingContext ctx, Operation operation) {
    Principal p = principal(ctx);
    if (!p.hasAny(operation)) {
      AUDIT.warn("denied: {} {} principal={} lacks {} on every topic", ctx.request().method(), ctx.request().path(),
          p.name(), operation.name().toLowerCase());
      throw ErrorCode.FORBIDDEN.toException("Not authorized: principal " + p.name() + " may not "
          + operation.name().toLowerCase() + " any topic.");
    }
  }
}
