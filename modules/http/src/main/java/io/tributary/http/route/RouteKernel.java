package io.tributary.http.route;

import io.tributary.core.error.ErrorCode;
import io.tributary.http.error.RequestClaim;
import io.tributary.http.media.Negotiation;
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

  <C, T, B> void serve(RoutingContext ctx, Endpoint<C, T, B> endpoint,
      Function<Call<C, T>, ? extends Future<? extends Reply<? extends B>>> handler) {
    Future<? extends Reply<? extends B>> reply;
    String contentType;
    try {
      if (endpoint.claimsFirst && !RequestClaim.isClaimed(ctx)) {
        generation.errors().use(ctx);
      }
      String bodyTypeHeader = ctx.request().getHeader("Content-Type");
      C bodyType = null;
      if (endpoint.consumes != null) {
        Optional<C> taken = endpoint.consumes.match(bodyTypeHeader);
        if (taken.isEmpty()) {
          refuse(ctx, endpoint, 415);
          return;
        }
        bodyType = taken.get();
      }
      Optional<Offer<T>> offer = negotiate(ctx, endpoint);
      if (offer.isEmpty()) {
        refuse(ctx, endpoint, 406);
        return;
      }
      if (endpoint.consumes != null) {
        bodyType = endpoint.consumes.read(bodyType, bodyTypeHeader);
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

  /** The response type for the request, claiming it; empty when Accept allows none (406). */
  private <T> Optional<Offer<T>> negotiate(RoutingContext ctx, Endpoint<?, T, ?> endpoint) {
    if (endpoint.ignoresAccept) {
      generation.errors().use(ctx);
      return Optional.of(endpoint.produces.get(0));
    }
    if (endpoint.ownsPath) {
      // Claimed already; no other generation's types compete on a path of its own.
      return Negotiation.select(ctx.request().getHeader("Accept"), endpoint.produces);
    }
    return RouteMedia.take(ctx, endpoint.produces, generation.rivals(), generation.errors());
  }

  /**
   * A media-type mismatch: a route that owns its path refuses the request (415 or 406, thrown to the failure
   * handler); any other declines it, unless it was declined already by negotiation, so a later route may take it.
   */
  private static void refuse(RoutingContext ctx, Endpoint<?, ?, ?> endpoint, int status) {
    if (endpoint.ownsPath) {
      throw (status == 415 ? ErrorCode.UNSUPPORTED_MEDIA_TYPE : ErrorCode.NOT_ACCEPTABLE).toException();
    }
    if (status == 415) {
      RouteMedia.decline(ctx, 415);
    }
  }

  private <B> void write(RoutingContext ctx, Renderer<B> renderer, String contentType, Reply<? extends B> reply) {
    try {
      if (reply.isWrittenByRoute()) {
        return;
      }
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
