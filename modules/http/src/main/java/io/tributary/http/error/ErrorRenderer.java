package io.tributary.http.error;

import io.tributary.core.error.TributaryException;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes an error response in one generation's shape. A route puts its generation's renderer into the context
 * ({@link #use}) before it can fail; the {@link FailureHandler} then renders every error through it.
 */
public interface ErrorRenderer {
  String CONTEXT_KEY = "tributary.errorRenderer";

  void render(RoutingContext ctx, TributaryException error);

  /** Makes this renderer the one that writes errors for the rest of the request. */
  default void use(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, this);
  }

  static ErrorRenderer of(RoutingContext ctx, ErrorRenderer fallback) {
    ErrorRenderer r = ctx.get(CONTEXT_KEY);
    return r != null ? r : fallback;
  }
}
