package io.tributary.consumer.v2;

import io.tributary.core.format.EmbeddedFormat;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.RequestClaim;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.tributary.http.media.RouteMedia;
import io.tributary.http.media.V2MediaTypes;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
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

  /** Whether an endpoint needs a Content-Type even when the client sends none. */
  enum Body {
    /** No Content-Type is read as {@code application/octet-stream}, which v1 took, as JAX-RS did. */
    TYPE_OPTIONAL,
    /** {@code GET …/offsets} carries a JSON body and answers 415 without a Content-Type (kafka-rest #417). */
    TYPE_REQUIRED
  }

  /** Whether no other generation serves the path: then v2 also renders the errors of requests it declines. */
  enum Path {
    SHARED_WITH_V1,
    V2_ONLY
  }

  private static final List<Offer<String>> BODIES = Stream.of(KafkaMediaTypes.V2_JSON, KafkaMediaTypes.V2_BINARY,
      KafkaMediaTypes.V2_JSON_EMBEDDED, KafkaMediaTypes.V2_AVRO, KafkaMediaTypes.V2_JSONSCHEMA,
      KafkaMediaTypes.V2_PROTOBUF, KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.JSON, KafkaMediaTypes.OCTET_STREAM)
      .map(t -> Offer.of(t, 1.0, t)).toList();

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

  /**
   * Takes the request for v2 when its Content-Type and Accept are ones v2 serves, and makes v2 render its errors;
   * the result is what the negotiated response type means. Otherwise the request is declined (empty) and passed to
   * the next route, which the caller must leave alone.
   */
  static <T> Optional<T> claim(RoutingContext ctx, List<Offer<T>> responses, Body body, Path path) {
    if (path == Path.V2_ONLY && !RequestClaim.isClaimed(ctx)) {
      // No other generation serves the path: if nothing takes the request, the error that follows is v2's.
      ConfluentErrorRenderer.V2.use(ctx);
    }
    if (!takesBody(ctx, body)) {
      RouteMedia.decline(ctx, 415);
      return Optional.empty();
    }
    return V2MediaTypes.negotiate(ctx, responses);
  }

  private static boolean takesBody(RoutingContext ctx, Body body) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || contentType.isBlank()) {
      return body == Body.TYPE_OPTIONAL;
    }
    return Negotiation.matchContentType(contentType, BODIES).isPresent();
  }

  private static Offer<String> plain(String type, double qs) {
    return Offer.of(type, qs, type);
  }

  private static Offer<ReadType> read(String type, double qs, EmbeddedFormat format) {
    return Offer.of(type, qs, new ReadType(type, format));
  }
}
