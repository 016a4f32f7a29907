package io.tributary.http.media;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Media-type handling shared by the v2 routes of every module (reference §1.2–1.4). v2 answers in
 * {@code vnd.kafka.v2+json} and also takes the unversioned types that v1 took ({@code vnd.kafka+json},
 * {@code application/json}, {@code *}{@code /*}), which kafka-rest 6.0+ refused with 406/415: old clients keep
 * working, and {@code api.default.version} decides which generation is asked first.
 */
public final class V2MediaTypes {
  private V2MediaTypes() {}

  /** Responses without embedded data (metadata, produce, consumer management), with kafka-rest's weights. */
  public static final List<Offer<String>> PLAIN_RESPONSES = List.of(
      Offer.of(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V2_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));

  /** v1's versioned type: a request that prefers it is left to v1 (see {@link RouteMedia#negotiate}). */
  public static final List<Offer<String>> V1_RIVALS = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON));

  /** v2's versioned type, for v1's routes: a request that prefers it is left to v2. */
  public static final List<Offer<String>> V2_RIVALS = List.of(
      Offer.of(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V2_JSON));

  /** {@link RouteMedia#negotiate} with v2's error rendering (kafka-rest 6.0+: {@code application/json} first). */
  public static <T> Optional<T> negotiate(RoutingContext ctx, List<Offer<T>> offers) {
    return RouteMedia.negotiate(ctx, offers, V1_RIVALS, ConfluentErrorRenderer.V2);
  }
}
