package io.tributary.v1;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.media.V2MediaTypes;
import io.tributary.http.route.Generation;
import io.tributary.http.route.RouteKernel;
import java.util.List;

/**
 * Media-type handling shared by the v1 routes (reference §1.2–1.4): the response offers, and the route kernel every
 * v1 route is declared on. Its "take it or pass it on" step lets a later module serving the same paths (v2) still
 * take a request whose media types v1 does not speak, or that prefers v2's versioned type.
 */
final class V1MediaTypes {
  private V1MediaTypes() {}

  /** v1: errors in v1's shape; a request preferring v2's versioned type is left to v2. */
  static final RouteKernel KERNEL = new RouteKernel(Generation.of(ConfluentErrorRenderer.V1)
      .rivalledBy(V2MediaTypes.V2_RIVALS));

  /** Responses without embedded data (metadata, consumer management), with kafka-rest's v1 weights. */
  static final List<Offer<String>> PLAIN_RESPONSES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));
}
