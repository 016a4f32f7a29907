package io.tributary.consumer.v2;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Media types of the v2 consumer endpoints (reference §1.3): v2's own types, and the unversioned ones v1 took
 * ({@code application/json}, {@code vnd.kafka+json}, {@code octet-stream}, {@code *}{@code /*}), so that old clients
 * keep working. Which generation answers an unversioned request on a path both serve is decided by the mounting
 * order ({@code api.default.version}), not here.
 */
final class V2ConsumerMedia {
  private V2ConsumerMedia() {}

  /** A negotiated record-read response: its Content-Type and the embedded format (the deserializer) it asks for. */
  record ReadType(String contentType, EmbeddedFormat format) {}

  private static final List<Offer<String>> BODIES = Stream.of(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.V2_BINARY,
      KafkaMediaTypes.V2_JSON_EMBEDDED, KafkaMediaTypes.V2_AVRO, KafkaMediaTypes.V2_JSONSCHEMA,
      KafkaMediaTypes.V2_PROTOBUF, KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.JSON, KafkaMediaTypes.OCTET_STREAM)
      .map(t -> Offer.of(t, 1.0, t)).toList();

  /** Most endpoints: no Content-Type is read as {@code application/octet-stream}, which v1 took, as JAX-RS did. */
  static final BodyTypes<String> TYPE_OPTIONAL = BodyTypes.orOctetStream(BODIES);

  /** {@code GET …/offsets} carries a JSON body and answers 415 without a Content-Type (kafka-rest #417). */
  static final BodyTypes<String> TYPE_REQUIRED = BodyTypes.exactly(BODIES);

  /** Responses without records: v2's type first, the unversioned ones, and the embedded v2 types at low weight. */
  static final List<Offer<String>> RESPONSES = List.of(
      plain(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.QS_VERSIONED),
      plain(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON),
      plain(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON),
      plain(KafkaMediaTypes.V2_BINARY, KafkaMediaTypes.QS_LOW),
      plain(KafkaMediaTypes.V2_JSON_EMBEDDED, KafkaMediaTypes.QS_LOW),
      plain(KafkaMediaTypes.V2_AVRO, KafkaMediaTypes.QS_LOW),
      plain(KafkaMediaTypes.V2_JSONSCHEMA, KafkaMediaTypes.QS_LOW),
      plain(KafkaMediaTypes.V2_PROTOBUF, KafkaMediaTypes.QS_LOW));

  /**
   * Record reads: Accept picks the deserializer. Binary unless the client names another embedded format; the
   * generic types ({@code vnd.kafka.v2+json} and the unversioned ones) mean binary too.
   */
  static final List<Offer<ReadType>> READS = List.of(
      read(KafkaMediaTypes.V2_BINARY, KafkaMediaTypes.QS_EMBEDDED_DEFAULT, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.QS_VERSIONED, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.QS_KAFKA_JSON, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.JSON, KafkaMediaTypes.QS_JSON, EmbeddedFormat.BINARY),
      read(KafkaMediaTypes.V2_JSON_EMBEDDED, KafkaMediaTypes.QS_LOW, EmbeddedFormat.JSON),
      read(KafkaMediaTypes.V2_AVRO, KafkaMediaTypes.QS_LOW, EmbeddedFormat.AVRO),
      read(KafkaMediaTypes.V2_JSONSCHEMA, KafkaMediaTypes.QS_LOW, EmbeddedFormat.JSONSCHEMA),
      read(KafkaMediaTypes.V2_PROTOBUF, KafkaMediaTypes.QS_LOW, EmbeddedFormat.PROTOBUF));

  private static Offer<String> plain(String type, double qs) {
    return Offer.of(type, qs, type);
  }

  private static Offer<ReadType> read(String type, double qs, EmbeddedFormat format) {
    return Offer.of(type, qs, new ReadType(type, format));
  }
}
