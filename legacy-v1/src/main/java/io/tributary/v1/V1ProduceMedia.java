package io.tributary.v1;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import java.util.List;

/** The request media types of v1 produce: which Content-Types select which embedded format. */
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

  /**
   * The embedded format a produce body's Content-Type selects; other types are not v1 produce types. A request
   * without Content-Type is read as {@code application/octet-stream}, as JAX-RS did.
   */
  static final BodyTypes<EmbeddedFormat> BODY_TYPES = BodyTypes.orOctetStream(REQUEST_TYPES);
}
