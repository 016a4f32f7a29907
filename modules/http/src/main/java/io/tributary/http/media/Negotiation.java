package io.tributary.http.media;

import java.util.List;
import java.util.Optional;

/**
 * Content negotiation as JAX-RS did it for kafka-rest: the response type is the offer with the highest product of
 * the client's {@code q} (from the most specific matching Accept range) and the server's {@code qs}; ties go to
 * the earlier offer. A request body's type must equal one of the accepted types exactly.
 */
public final class Negotiation {
  private Negotiation() {}

  /** The best offer for an Accept header, or empty when none is acceptable (406). */
  public static <T> Optional<Offer<T>> select(String acceptHeader, List<Offer<T>> offers) {
    List<MediaType> ranges = MediaType.parseAccept(acceptHeader);
    Offer<T> best = null;
    double bestScore = 0.0;
    for (Offer<T> offer : offers) {
      double score = score(ranges, offer);
      if (score > bestScore) {
        best = offer;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** How much an Accept header wants an offer: client {@code q} × server {@code qs}; 0 when it does not. */
  public static double score(String acceptHeader, Offer<?> offer) {
    return score(MediaType.parseAccept(acceptHeader), offer);
  }

  private static double score(List<MediaType> ranges, Offer<?> offer) {
    return clientQuality(ranges, offer.type()) * offer.qs();
  }

  private static double clientQuality(List<MediaType> ranges, MediaType concrete) {
    MediaType match = null;
    for (MediaType range : ranges) {
      if (range.includes(concrete) && (match == null || range.specificity() > match.specificity())) {
        match = range;
      }
    }
    return match == null ? 0.0 : match.q();
  }

  /**
   * Like {@link #matchContentType}, for a request whose body is read whatever its type: a request without
   * Content-Type counts as {@code application/octet-stream}, as JAX-RS read it.
   */
  public static <T> Optional<T> matchBodyType(String contentTypeHeader, List<Offer<T>> accepted) {
    boolean absent = contentTypeHeader == null || contentTypeHeader.isBlank();
    return matchContentType(absent ? KafkaMediaTypes.OCTET_STREAM : contentTypeHeader, accepted);
  }

  /** The meaning of the request's Content-Type among the accepted ones, or empty (415). */
  public static <T> Optional<T> matchContentType(String contentTypeHeader, List<Offer<T>> accepted) {
    MediaType type = MediaType.parse(contentTypeHeader);
    if (type == null) {
      return Optional.empty();
    }
    for (Offer<T> offer : accepted) {
      if (offer.type().sameEssence(type)) {
        return Optional.of(offer.meaning());
      }
    }
    return Optional.empty();
  }
}
