package io.tributary.v1;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import java.util.List;

/**
 * Media types of v1's consumer endpoints (kafka-rest ≤5.5): which request bodies they take and which record
 * formats their reads offer, with which weights. Negotiation itself is the route kernel's.
 */
final class V1ConsumerMedia {
  private V1ConsumerMedia() {}

  /** A negotiated record-read response: its Content-Type and the embedded format it stands for. */
  record ReadType(String contentType, EmbeddedFormat format) {}

  /** Request bodies the consumers resource took: the generic v1 types and the embedded v1 types. */
  private static final List<Offer<String>> BODIES = List.of(
      Offer.of(KafkaMediaTypes.V1_JSON, 1.0, KafkaMediaTypes.V1_JSON),
      Offer.of(KafkaMediaTypes.KAFKA_JSON, 1.0, KafkaMediaTypes.KAFKA_JSON),
      Offer.of(KafkaMediaTypes.JSON, 1.0, KafkaMediaTypes.JSON),
      Offer.of(KafkaMediaTypes.OCTET_STREAM, 1.0, KafkaMediaTypes.OCTET_STREAM),
      Offer.of(KafkaMediaTypes.V1_BINARY, 1.0, KafkaMediaTypes.V1_BINARY),
      Offer.of(KafkaMediaTypes.V1_JSON_EMBEDDED, 1.0, KafkaMediaTypes.V1_JSON_EMBEDDED),
      Offer.of(KafkaMediaTypes.V1_AVRO, 1.0, KafkaMediaTypes.V1_AVRO));

  /**
   * Record reads (of a consumer instance and of a partition): binary unless the client asks for another format
   * explicitly.
   */
  static final List<Offer<ReadType>> READS = List.of(
      read(KafkaMediaTypes.V1_BINARY, KafkaMediaTypes.QS_EMBEDDED_DEFAULT, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.QS_VERSIONED, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.V1_JSON_EMBEDDED, KafkaMediaTypes.QS_LOW, EmbeddedFormat.JSON),
      read(KafkaMediaTypes.V1_AVRO, KafkaMediaTypes.QS_LOW, EmbeddedFormat.AVRO));

  private static Offer<ReadType> read(String type, double qs, EmbeddedFormat format) {
    return Offer.of(type, qs, new ReadType(type, format));
  }

  /**
   * The request bodies v1 consumer endpoints take. No Content-Type at all is what Jersey treated as
   * {@code application/octet-stream}, which v1 took.
   */
  static final BodyTypes<String> BODY_TYPES = BodyTypes.orOctetStream(BODIES);
}
