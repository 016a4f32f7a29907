package io.tributary.http.route;

import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The request body types a route takes, and what each means to it (say, the embedded format of a produce body). A
 * request whose Content-Type is not one of them is declined with 415 and passed on to a later route on the same path.
 */
@FunctionalInterface
public interface BodyTypes<C> {
  /** The meaning of the request's Content-Type header (null when absent), or empty when the route does not take it. */
  Optional<C> match(String contentTypeHeader);

  /**
   * Reads the body type fully once the request is the route's, its response type negotiated: by default the
   * matched meaning. A route whose type carries a parameter it must check (a charset) reads it here; what this throws
   * (a 400) comes after 415 and 406 and before the permission check, as JAX-RS read an entity only after it chose
   * the resource method.
   */
  default C read(C matched, String contentTypeHeader) {
    return matched;
  }

  /** Exactly these types; a request without Content-Type is declined. */
  static <C> BodyTypes<C> exactly(List<Offer<C>> accepted) {
    return header -> Negotiation.matchContentType(header, accepted);
  }

  /** Exactly these types, whose meaning {@code reader} then reads from the whole header (see {@link #read}). */
  static <C> BodyTypes<C> exactly(List<Offer<C>> accepted, BiFunction<C, String, C> reader) {
    return new BodyTypes<>() {
      @Override
      public Optional<C> match(String contentTypeHeader) {
        return Negotiation.matchContentType(contentTypeHeader, accepted);
      }

      @Override
      public C read(C matched, String contentTypeHeader) {
        return reader.apply(matched, contentTypeHeader);
      }
    };
  }

  /**
   * These types, reading a request without Content-Type as {@code application/octet-stream}, as JAX-RS did: it is
   * taken when {@code accepted} holds that type.
   */
  static <C> BodyTypes<C> orOctetStream(List<Offer<C>> accepted) {
    return header -> Negotiation.matchBodyType(header, accepted);
  }
}
