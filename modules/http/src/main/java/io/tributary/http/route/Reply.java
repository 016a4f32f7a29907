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

  /**
   * The route answers by itself, as a stream it writes as it goes (v3 streaming produce): the kernel writes
   * nothing. Its status is 0, which no written reply has.
   */
  public static <B> Reply<B> writtenByRoute() {
    return new Reply<>(0, null, Map.of());
  }

  /** Whether this is {@link #writtenByRoute()}. */
  public boolean isWrittenByRoute() {
    return status == 0;
  }
}
