package io.tributary.v1;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import java.util.List;
import java.util.Optional;

/** The media types of v1 produce: which Content-Types select which embedded format, and what a reply may be. */
final class V1ProduceMedia {
  private V1ProduceMedia() {}

  // The unversioned types mean binary, as kafka-rest ≤5.5 assumed when the embedded part was left out.
  private static final List<Offer<EmbeddedFormat>> REQUEST_TYPES = List.of(
      Offer.of(KafkaMediaTypes.V1_BINARY, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.V1_JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.OCTET_STREAM, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.V1_JSON_EMBEDDED, 1.0, EmbeddedFormat.JSON),
      Offer.of(KafkaMediaTypes.V1_AVRO, 1.0, EmbeddedFormat.AVRO));

  private static final List<Offer<String>> RESPONSE_TYPES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, KafkaMediaTypes.JSON));

  /**
   * The embedded format a produce body's Content-Type selects; empty when the type is not a v1 produce type. A
   * request without Content-Type is read as {@code application/octet-stream}, as JAX-RS did.
   */
  static Optional<EmbeddedFormat> requestFormat(String contentType) {
    String effective = contentType == null || contentType.isBlank() ? KafkaMediaTypes.OCTET_STREAM : contentType;
    return Negotiation.matchContentType(effective, REQUEST_TYPES);
  }

  /** The response Content-Type negotiated from Accept; empty when none is acceptable (406). */
  static Optional<String> responseType(String accept) {
    return Negotiation.select(accept, RESPONSE_TYPES).map(Offer::meaning);
  }
}
