package io.tributary.http.route;

import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import java.util.List;
import java.util.Optional;

/**
 * The request body types a route takes, and what each means to it (say, the embedded format of a produce body). A
 * request whose Content-Type is not one of them is declined with 415 and passed on to a later route on the same path.
 */
@FunctionalInterface
public interface BodyTypes<C> {
  /** The meaning of the request's Content-Type header (null when absent), or empty when the route does not take it. */
  Optional<C> match(String contentTypeHeader);

  /** Exactly these types; a request without Content-Type is declined. */
  static <C> BodyTypes<C> exactly(List<Offer<C>> accepted) {
    return header -> Negotiation.matchContentType(header, accepted);
  }

  /**
   * These types, reading a request without Content-Type as {@code application/octet-stream}, as JAX-RS did: it is
   * taken when {@code accepted} holds that type.
   */
  static <C> BodyTypes<C> orOctetStream(List<Offer<C>> accepted) {
    return header -> Negotiation.matchBodyType(header, accepted);
  }
}
