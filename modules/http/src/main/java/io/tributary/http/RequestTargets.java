package io.tributary.http;

import io.tributary.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with 400, a request whose path or query is not valid percent-encoding ({@code /topics/%ZZ},
 * {@code ?%ZZ=1}). Vert.x decodes both lazily, when a route is matched against the path or first asks for a
 * parameter, and its complaint would otherwise surface as a 500, or as a connection closed without an answer.
 * Mounted first on every router, on a route without a path, before anything decodes either.
 */
public final class RequestTargets {
  private RequestTargets() {}

  public static void check(RoutingContext ctx) {
    try {
      ctx.normalizedPath();
    } catch (IllegalArgumentException e) {
      ctx.fail(ErrorCode.BAD_REQUEST.toException("Bad Request: the path is not valid percent-encoding."));
      return;
    }
    try {
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ctx.fail(ErrorCode.BAD_REQUEST.toException("Bad Request: the query string is not valid percent-encoding."));
      return;
    }
    ctx.next();
  }
}
