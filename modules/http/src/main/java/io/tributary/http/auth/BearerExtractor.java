package io.tributary.http.auth;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>}: a signed JWT when JWT validation is configured and the token has the
 * three-part shape of one, otherwise an API key (Event Streams' REST producer takes the key itself as the token).
 */
public final class BearerExtractor implements CredentialExtractor {
  private final boolean jwtEnabled;

  public BearerExtractor(boolean jwtEnabled) {
    this.jwtEnabled = jwtEnabled;
  }

  @Override
  public Optional<Credential> extract(HttpServerRequest request) {
    return AuthorizationHeader.parameter(request, "Bearer").map(token -> jwtEnabled && looksLikeJwt(token)
        ? new Credential.Jwt(token)
        : new Credential.ApiKey(token, null, "Bearer"));
  }

  /** header.payload.signature, each part base64url; an API key with exactly two dots is not plausible. */
  static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    return first > 0 && second > first + 1 && token.indexOf('.', second + 1) < 0
        && token.chars().allMatch(BearerExtractor::isBase64UrlOrDot);
  }

  private static boolean isBase64UrlOrDot(int c) {
    return c == '.' || c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
