package io.tributary.formats.registry.embedded.http;

import io.tributary.core.error.ErrorCode;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The registry's media types (reference §3.1): responses in {@code application/vnd.schemaregistry.v1+json} unless
 * the client asks for one of the other two; request bodies in any of the three, or {@code application/octet-stream}
 * (or no type at all), which are read as JSON because ad-hoc clients often leave the type out.
 */
final class RegistryMedia {
  static final String V1 = "application/vnd.schemaregistry.v1+json";
  static final String GENERIC = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";

  private static final List<Offer<String>> RESPONSE_TYPES =
      List.of(Offer.of(V1, 1.0, V1), Offer.of(GENERIC, 0.9, GENERIC), Offer.of(JSON, 0.5, JSON));
  private static final List<Offer<String>> REQUEST_TYPES = List.of(Offer.of(V1, 1.0, V1),
      Offer.of(GENERIC, 1.0, GENERIC), Offer.of(JSON, 1.0, JSON), Offer.of(OCTET_STREAM, 1.0, OCTET_STREAM));

  /** Errors in the registry's envelope and type; a plain 406 has no body. */
  static final ConfluentErrorRenderer ERRORS = new ConfluentErrorRenderer(List.of(V1, GENERIC, JSON), V1);

  private RegistryMedia() {}

  /** The response type for the request's Accept header; throws 406 when none is acceptable. */
  static String responseType(RoutingContext ctx) {
    return Negotiation.select(ctx.request().getHeader("Accept"), RESPONSE_TYPES).map(Offer::meaning)
        .orElseThrow(ErrorCode.NOT_ACCEPTABLE::toException);
  }

  /** Checks the request body's Content-Type; throws 415 for a type the registry does not read. */
  static void requireJsonBody(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && !contentType.isBlank()
        && Negotiation.matchContentType(contentType, REQUEST_TYPES).isEmpty()) {
      throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.toException();
    }
  }
}
