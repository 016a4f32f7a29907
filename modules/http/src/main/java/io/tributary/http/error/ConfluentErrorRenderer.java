package io.tributary.http.error;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.tributary.http.media.RouteMedia;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * kafka-rest's error body, {@code {"error_code":…,"message":…}}, with a content type negotiated from Accept among
 * the generation's preferred types, else the response type the route negotiated (an Accept that names only, say,
 * {@code vnd.kafka.binary.v2+json} gets its error in that type, as from kafka-rest), else the generation's default.
 * A plain 406 has no body, as Jersey answered it.
 */
public final class ConfluentErrorRenderer implements ErrorRenderer {
  /** v1-era negotiation: also what unversioned requests and unknown paths get. */
  public static final ConfluentErrorRenderer V1 = new ConfluentErrorRenderer(
      List.of(KafkaMediaTypes.V1_JSON, KafkaMediaTypes.KAFKA_JSON, KafkaMediaTypes.JSON), KafkaMediaTypes.V1_JSON);
  /** kafka-rest 6.0+ negotiation for v2 requests. */
  public static final ConfluentErrorRenderer V2 = new ConfluentErrorRenderer(
      List.of(KafkaMediaTypes.JSON, KafkaMediaTypes.V2_JSON), KafkaMediaTypes.JSON);
  /** v3 always answers application/json. */
  public static final ConfluentErrorRenderer V3 = new ConfluentErrorRenderer(
      List.of(KafkaMediaTypes.JSON), KafkaMediaTypes.JSON);

  private final List<Offer<String>> preferred;
  private final String defaultType;

  public ConfluentErrorRenderer(List<String> preferredTypes, String defaultType) {
    this.preferred = preferredTypes.stream().map(t -> Offer.of(t, 1.0, t)).toList();
    this.defaultType = defaultType;
  }

  @Override
  public void render(RoutingContext ctx, TributaryException error) {
    var response = ctx.response().setStatusCode(error.status());
    // Only Jersey's own "not acceptable" had no entity; 40601 (consumer format mismatch) has a body.
    if (error.code() == ErrorCode.NOT_ACCEPTABLE.code()) {
      response.end();
      return;
    }
    String type = Negotiation.select(ctx.request().getHeader("Accept"), preferred).map(Offer::meaning)
        .or(() -> Optional.ofNullable(ctx.<String>get(RouteMedia.NEGOTIATED_TYPE_KEY)))
        .orElse(defaultType);
    String body = new JsonObject().put("error_code", error.code()).put("message", error.getMessage()).encode();
    response.putHeader("Content-Type", type).end(body);
  }
}
