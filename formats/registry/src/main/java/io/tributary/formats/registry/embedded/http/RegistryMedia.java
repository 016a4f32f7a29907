package io.tributary.formats.registry.embedded.http;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Generation;
import io.tributary.http.route.RouteKernel;
import io.vertx.ext.web.Route;
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

  /** The registry claims every request at once, so its routes own their paths: 415 and 406 are answered here. */
  private static final RouteKernel KERNEL = new RouteKernel(Generation.of(ERRORS));

  /** Bodies in the registry's types, or octet-stream, or none at all (read as JSON). */
  private static final BodyTypes<String> BODY = BodyTypes.orOctetStream(REQUEST_TYPES);

  /** An endpoint without a request body, answering in the negotiated registry type (JSON unless declared). */
  static Endpoint<Void, String, Object> at(Route route) {
    return KERNEL.at(route).ownsPath().produces(RESPONSE_TYPES);
  }

  /** An endpoint that reads a JSON body: {@link #at}, and the body types the registry reads. */
  static Endpoint<String, String, Object> withBody(Route route) {
    return at(route).consumes(BODY);
  }
}
