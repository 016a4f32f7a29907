package io.tributary.http.error;

import io.tributary.core.error.TributaryException;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes an error response in one generation's shape. A route puts its generation's renderer into the context
 * ({@link #use}) before it can fail; the {@link FailureHandler} then renders every error through it.
 */
public interface ErrorRenderer {
  String CONTEXT_KEY = "tributary.errorRenderer";

  void render(RoutingContext ctx, TributaryException error);

  /**
   * Claims the request for this renderer's generation: from here on its errors are written this way. A request
   * that the request-level checks refused (no valid credential: 401; over its rate limit: 429) fails right here,
   * in this shape: the rejection is thrown, and the router hands it to the {@link FailureHandler}. Call it
   * synchronously in the route handler, before the request reaches an engine.
   */
  default void use(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, this);
    Access.enforceAdmission(ctx);
  }

  static ErrorRenderer of(RoutingContext ctx, ErrorRenderer fallback) {
    ErrorRenderer r = ctx.get(CONTEXT_KEY);
    return r != null ? r : fallback;
  }
}
