package io.tributary.v1;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Media-type handling shared by the v1 routes (reference §1.2–1.4): the response offers and the "take it or pass it
 * on" step every v1 route starts with, so that a later module serving the same paths may still take a request
 * whose media types v1 does not speak.
 */
final class V1MediaTypes {
  private V1MediaTypes() {}

  /** Responses without embedded data (metadata, consumer management), with kafka-rest's v1 weights. */
  static final List<Offer<String>> PLAIN_RESPONSES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));

  /**
   * The negotiated response type's meaning when the request's Accept header allows one of {@code offers}; the
   * request is then v1's, and its errors are rendered the v1 way. Otherwise the request is declined with 406 and
   * passed on, and the result is empty: the caller must not touch the request any more.
   */
  static <T> Optional<T> negotiate(RoutingContext ctx, List<Offer<T>> offers) {
    Optional<T> chosen = Negotiation.select(ctx.request().getHeader("Accept"), offers).map(Offer::meaning);
    if (chosen.isPresent()) {
      ConfluentErrorRenderer.V1.use(ctx);
    } else {
      decline(ctx, 406);
    }
    return chosen;
  }

  /**
   * Declines a request because of its media types (406 for Accept, 415 for Content-Type) and passes it to the next
   * route; when no route takes it, the failure handler answers with the recorded status. A 415 already recorded
   * wins over a 406, because Content-Type was checked before Accept in kafka-rest (Jersey) as well.
   */
  static void decline(RoutingContext ctx, int status) {
    Integer recorded = ctx.get(FailureHandler.MEDIA_MISMATCH_KEY);
    if (recorded == null || recorded != 415) {
      ctx.put(FailureHandler.MEDIA_MISMATCH_KEY, status);
    }
    ctx.next();
  }
}
