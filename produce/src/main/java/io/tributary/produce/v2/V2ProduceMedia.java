package io.tributary.produce.v2;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import java.util.List;

/** The request media types of v2 produce: which Content-Types select which embedded format. */
final class V2ProduceMedia {
  private V2ProduceMedia() {}

  // Bare vnd.kafka.v2+json and the unversioned types mean binary: kafka-rest 3.2–5.5 took them so (6.0+ answers
  // 415, a frequent complaint), and api.default.version decides whether v1 or v2 is asked first for the
  // unversioned ones.
  private static final List<Offer<EmbeddedFormat>> REQUEST_TYPES = List.of(
      Offer.of(KafkaMediaTypes.V2_BINARY, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.V2_JSON_EMBEDDED, 1.0, EmbeddedFormat.JSON),
      Offer.of(KafkaMediaTypes.V2_AVRO, 1.0, EmbeddedFormat.AVRO),
      Offer.of(KafkaMediaTypes.V2_JSONSCHEMA, 1.0, EmbeddedFormat.JSONSCHEMA),
      Offer.of(KafkaMediaTypes.V2_PROTOBUF, 1.0, EmbeddedFormat.PROTOBUF),
      Offer.of(KafkaMediaTypes.V2_JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.JSON, 1.0, EmbeddedFormat.BINARY),
      Offer.of(KafkaMediaTypes.OCTET_STREAM, 1.0, EmbeddedFormat.BINARY));

  /**
   * The embedded format a produce body's Content-Type selects; other types are not v2 produce types. A request
   * without Content-Type is read as {@code application/octet-stream}, as JAX-RS did.
   */
  static final BodyTypes<EmbeddedFormat> BODY_TYPES = BodyTypes.orOctetStream(REQUEST_TYPES);
}
