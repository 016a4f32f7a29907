package io.tributary.http.error;

import io.tributary.core.error.TributaryException;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * One request's claim: which generation's route took the request (and so in whose shape its errors are written),
 * and the verdict of the request-level checks (no valid credential: 401; over the rate limit: 429).
 *
 * <p>Why the two are one piece of state: the checks run before any route, but which generation's error shape a 401
 * or 429 must have is only known once a route has claimed the request (v1 and v2 share paths and differ by media
 * type). So a verdict waits here and takes effect when a route claims the request ({@link #claim}); when the request
 * is already claimed (a generation with paths of its own chose it before authentication), it takes effect at once.
 * A request that was not admitted can therefore never reach an engine. Authentication ({@code http.auth.Access})
 * records verdicts here; error rendering reads the claim; neither imports the other.
 */
public final class RequestClaim {
  private static final String KEY = "tributary.requestClaim";

  private ErrorRenderer renderer;
  private TributaryException rejection;

  private RequestClaim() {}

  private static RequestClaim of(RoutingContext ctx) {
    RequestClaim claim = ctx.get(KEY);
    if (claim == null) {
      claim = new RequestClaim();
      ctx.put(KEY, claim);
    }
    return claim;
  }

  /**
   * Claims the request for {@code renderer}'s generation (its errors are written this way from here on), then throws
   * the request's rejection, if there is one, so that the router hands it to the {@link FailureHandler}.
   */
  public static void claim(RoutingContext ctx, ErrorRenderer renderer) {
    of(ctx).renderer = renderer;
    enforceAdmission(ctx);
  }

  /** The renderer of the generation that claimed the request; empty while no route has. */
  public static Optional<ErrorRenderer> renderer(RoutingContext ctx) {
    RequestClaim claim = ctx.get(KEY);
    return Optional.ofNullable(claim == null ? null : claim.renderer);
  }

  /** Whether a generation has claimed the request. */
  public static boolean isClaimed(RoutingContext ctx) {
    return renderer(ctx).isPresent();
  }

  /**
   * Records that the request may not proceed (the first verdict stands) and moves on to the next handler; when the
   * request is already claimed, it fails right here instead: nothing then depends on a route remembering to claim it.
   */
  public static void reject(RoutingContext ctx, TributaryException rejection) {
    RequestClaim claim = of(ctx);
    if (claim.rejection == null) {
      claim.rejection = rejection;
    }
    if (claim.renderer != null) {
      ctx.fail(claim.rejection);
    } else {
      ctx.next();
    }
  }

  /** The verdict against this request, if the request-level checks refused it. */
  public static Optional<TributaryException> rejection(RoutingContext ctx) {
    RequestClaim claim = ctx.get(KEY);
    return Optional.ofNullable(claim == null ? null : claim.rejection);
  }

  /** Throws the request's rejection (401, 429), if there is one. */
  public static void enforceAdmission(RoutingContext ctx) {
    Optional<TributaryException> rejection = rejection(ctx);
    if (rejection.isPresent()) {
      throw rejection.get();
    }
  }
}
