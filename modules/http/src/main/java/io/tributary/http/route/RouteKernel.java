package io.tributary.http.route;

import io.tributary.http.error.RequestClaim;
import io.tributary.http.media.Offer;
import io.tributary.http.media.RouteMedia;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps every route of every generation shares, in this order: claim the request for the generation (its errors
 * are written that generation's way from here on; a request the request-level checks refused fails here), check
 * the body's Content-Type (415, passed on to a later route), negotiate the response type from Accept (406, likewise),
 * check the route's {@link Permission}, run the route's handler, and write its {@link Reply} with the route's
 * {@link Renderer}. Every failure, returned by the handler or thrown anywhere in these steps, a
 * {@code TributaryException} or anything else, is worded by the {@link Generation} and handed to the one failure
 * handler: routes never fail a request themselves.
 *
 * <p>Routes declare themselves with {@link #at}: {@code kernel.at(router.get("/topics")).produces(…).requires(…)
 * .handles(call -> …)}.
 */
public final class RouteKernel {
  private final Generation generation;

  public RouteKernel(Generation generation) {
    this.generation = generation;
  }

  public Generation generation() {
    return generation;
  }

  /** Starts the declaration of the route mounted at {@code route} (a Vert.x route with its method and path). */
  public Endpoint<Void, Void, Object> at(Route route) {
    return Endpoint.at(this, route);
  }

  <C, T, B> void serve(RoutingContext ctx, Endpoint<C, T, B> endpoint, Function<Call<C, T>, Future<Reply<B>>> handler) {
    Future<Reply<B>> reply;
    String contentType;
    try {
      if (endpoint.claimsFirst && !RequestClaim.isClaimed(ctx)) {
        generation.errors().use(ctx);
      }
      C bodyType = null;
      if (endpoint.consumes != null) {
        Optional<C> taken = endpoint.consumes.match(ctx.request().getHeader("Content-Type"));
        if (taken.isEmpty()) {
          RouteMedia.decline(ctx, 415);
          return;
        }
        bodyType = taken.get();
      }
      Optional<Offer<T>> offer = RouteMedia.take(ctx, endpoint.produces, generation.rivals(), generation.errors());
      if (offer.isEmpty()) {
        return;
      }
      contentType = offer.get().type().essence();
      endpoint.permission.check(ctx);
      reply = handler.apply(new Call<>(ctx, bodyType, offer.get().meaning(), contentType));
    } catch (RuntimeException e) {
      fail(ctx, e);
      return;
    }
    reply.onSuccess(r -> write(ctx, endpoint.renderer, contentType, r)).onFailure(e -> fail(ctx, e));
  }

  private <B> void write(RoutingContext ctx, Renderer<B> renderer, String contentType, Reply<B> reply) {
    try {
      HttpServerResponse response = ctx.response().setStatusCode(reply.status());
      reply.headers().forEach(response::putHeader);
      if (reply.body() == null) {
        response.end();
      } else {
        renderer.write(response, contentType, reply.body());
      }
    } catch (RuntimeException e) {
      fail(ctx, e);
    }
  }

  /** The one way out for a failed request: the generation's wording, then the router's failure handler. */
  private void fail(RoutingContext ctx, Throwable failure) {
    ctx.fail(generation.wording().apply(failure));
  }
}
