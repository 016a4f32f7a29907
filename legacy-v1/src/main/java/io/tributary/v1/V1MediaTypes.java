package io.tributary.v1;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.media.RouteMedia;
import io.tributary.http.media.V2MediaTypes;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Media-type handling shared by the v1 routes (reference §1.2–1.4): the response offers and the "take it or pass it
 * on" step every v1 route starts with ({@link RouteMedia}), so that a later module serving the same paths (v2) may
 * still take a request whose media types v1 does not speak.
 */
final class V1MediaTypes {
  private V1MediaTypes() {}

  /** Responses without embedded data (metadata, consumer management), with kafka-rest's v1 weights. */
  static final List<Offer<String>> PLAIN_RESPONSES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));

  /**
   * {@link RouteMedia#negotiate} with v1's error rendering; a request that prefers v2's versioned type is left to
   * v2.
   */
  static <T> Optional<T> negotiate(RoutingContext ctx, List<Offer<T>> offers) {
    return RouteMedia.negotiate(ctx, offers, V2MediaTypes.V2_RIVALS, ConfluentErrorRenderer.V1);
  }

  /** {@link RouteMedia#decline}. */
  static void decline(RoutingContext ctx, int status) {
    RouteMedia.decline(ctx, status);
  }
}
