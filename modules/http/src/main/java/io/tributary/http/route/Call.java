package io.tributary.http.route;

import io.tributary.core.auth.Principal;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;

/**
 * One request a route's handler serves: claimed for the generation, its media types negotiated and its permission
 * checked. {@code C} is what the request body's type means to the route, {@code T} what the negotiated response
 * type means.
 */
public final class Call<C, T> {
  private final RoutingContext ctx;
  private final C bodyType;
  private final T responseType;
  private final String contentType;

  Call(RoutingContext ctx, C bodyType, T responseType, String contentType) {
    this.ctx = ctx;
    this.bodyType = bodyType;
    this.responseType = responseType;
    this.contentType = contentType;
  }

  public RoutingContext ctx() {
    return ctx;
  }

  /** What the request's Content-Type means to the route; null for a route that declared no body types. */
  public C bodyType() {
    return bodyType;
  }

  /** What the negotiated response type means to the route. */
  public T responseType() {
    return responseType;
  }

  /** The negotiated response type itself, e.g. {@code application/vnd.kafka.v2+json}. */
  public String contentType() {
    return contentType;
  }

  public Principal principal() {
    return Access.principal(ctx);
  }

  public String path(String name) {
    return ctx.pathParam(name);
  }

  public String query(String name) {
    return ctx.request().getParam(name);
  }
}
