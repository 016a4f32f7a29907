package io.tributary.http.route;

import java.util.Map;

/**
 * What a route's handler answers on success: the status, the body its {@link Renderer} writes (null for none: the
 * response then has no Content-Type either), and extra headers such as {@code Location}.
 */
public record Reply<B>(int status, B body, Map<String, String> headers) {
  public Reply {
    headers = Map.copyOf(headers);
  }

  public static <B> Reply<B> ok(B body) {
    return new Reply<>(200, body, Map.of());
  }

  public static <B> Reply<B> of(int status, B body) {
    return new Reply<>(status, body, Map.of());
  }

  /** 201 with the new resource's address. */
  public static <B> Reply<B> created(B body, String location) {
    return new Reply<>(201, body, location == null ? Map.of() : Map.of("Location", location));
  }

  public static <B> Reply<B> noContent() {
    return new Reply<>(204, null, Map.of());
  }
}
