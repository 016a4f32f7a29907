package io.tributary.http.error;

import io.tributary.core.error.TributaryException;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes an error response in one generation's shape. A route claims the request with its generation's renderer
 * ({@link #use}, recorded in the request's {@link RequestClaim}) before it can fail; the {@link FailureHandler}
 * then renders every error through it.
 */
public interface ErrorRenderer {
  void render(RoutingContext ctx, TributaryException error);

  /**
   * Claims the request for this renderer's generation: from here on its errors are written this way. A request
   * that the request-level checks refused (no valid credential: 401; over its rate limit: 429) fails right here,
   * in this shape: the rejection is thrown, and the router hands it to the {@link FailureHandler}. Call it
   * synchronously in the route handler, before the request reaches an engine.
   */
  default void use(RoutingContext ctx) {
    RequestClaim.claim(ctx, this);
  }

  /** The renderer of the generation that claimed the request, or {@code fallback} while none has. */
  static ErrorRenderer of(RoutingContext ctx, ErrorRenderer fallback) {
    return RequestClaim.renderer(ctx).orElse(fallback);
  }
}
