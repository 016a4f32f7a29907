package io.tributary.http.media;

import io.tributary.http.error.ErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * The "take it or pass it on" step every route of a generation that shares paths with another (v1 and v2) starts
 * with: a route either takes a request, and from then on its errors are rendered the generation's way, or
 * declines it because of its media types, so that a route of the other generation mounted later may take it.
 */
public final class RouteMedia {
  /**
   * The response type a route negotiated (a media type without parameters). An error body of the request falls
   * back to it when the error renderer's own types do not satisfy Accept: JAX-RS wrote an error entity in the type
   * negotiated for the resource method, e.g. {@code vnd.kafka.binary.v2+json} for a record read.
   */
  public static final String NEGOTIATED_TYPE_KEY = "tributary.negotiatedType";

  private RouteMedia() {}

  /**
   * The negotiated response type's meaning when the request's Accept header allows one of {@code offers} and does
   * not prefer one of the other generation's types ({@code rivals}) on the same path; the request is then the
   * route's, and {@code errors} renders its errors. Otherwise the request is declined with 406 and passed on, and
   * the result is empty: the caller must not touch the request any more.
   *
   * <p>Why rivals: a route sees only its own offers, but JAX-RS chose among the methods of both generations at once.
   * A v2 client sending {@code Accept: vnd.kafka.v2+json; q=0.9, application/json; q=0.5} must get v2 even when v1
   * is asked first and could answer {@code application/json}; on a tie (an unversioned or wildcard Accept) the
   * generation asked first keeps the request, which is what {@code api.default.version} decides.
   */
  public static <T> Optional<T> negotiate(RoutingContext ctx, List<Offer<T>> offers, List<? extends Offer<?>> rivals,
      ErrorRenderer errors) {
    return take(ctx, offers, rivals, errors).map(Offer::meaning);
  }

  /** {@link #negotiate}, answering with the chosen offer itself (its type and its meaning). */
  public static <T> Optional<Offer<T>> take(RoutingContext ctx, List<Offer<T>> offers,
      List<? extends Offer<?>> rivals, ErrorRenderer errors) {
    String accept = ctx.request().getHeader("Accept");
    Optional<Offer<T>> chosen = Negotiation.select(accept, offers);
    if (chosen.isPresent() && !preferred(accept, rivals, Negotiation.score(accept, chosen.get()))) {
      ctx.put(NEGOTIATED_TYPE_KEY, chosen.get().type().essence());
      errors.use(ctx);
      return chosen;
    }
    decline(ctx, 406);
    return Optional.empty();
  }

  private static boolean preferred(String accept, List<? extends Offer<?>> rivals, double score) {
    return rivals.stream().anyMatch(rival -> Negotiation.score(accept, rival) > score);
  }

  /**
   * Declines a request because of its media types (406 for Accept, 415 for Content-Type) and passes it to the next
   * route; when no route takes it, the failure handler answers with the recorded status. A 406 wins over a 415:
   * a route declines with 406 only after it took the Content-Type, and JAX-RS (kafka-rest's Jersey) likewise first
   * kept the methods that consume the body and answered 406 when none of those could produce an acceptable type,
   * 415 only when no method consumed the body at all.
   */
  public static void decline(RoutingContext ctx, int status) {
    if (status == 406 || ctx.get(FailureHandler.MEDIA_MISMATCH_KEY) == null) {
      ctx.put(FailureHandler.MEDIA_MISMATCH_KEY, status);
    }
    ctx.next();
  }
}
