package io.tributary.http.auth;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** The parameter of an {@code Authorization} header with a given scheme (compared case-insensitively). */
final class AuthorizationHeader {
  private AuthorizationHeader() {}

  static Optional<String> parameter(HttpServerRequest request, String scheme) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.length() <= scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())
        || !Character.isWhitespace(value.charAt(scheme.length()))) {
      return Optional.empty();
    }
    return Optional.of(value.substring(scheme.length()).trim());
  }
}
