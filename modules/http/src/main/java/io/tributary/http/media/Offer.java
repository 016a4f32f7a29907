package io.tributary.http.media;

/**
 * A response type the server can produce, with its quality-of-source weight {@code qs} (kafka-rest's weights
 * decide which type a generic Accept gets) and what choosing it means to the route.
 */
public record Offer<T>(MediaType type, double qs, T meaning) {
  public static <T> Offer<T> of(String type, double qs, T meaning) {
    return new Offer<>(MediaType.parse(type), qs, meaning);
  }
}
