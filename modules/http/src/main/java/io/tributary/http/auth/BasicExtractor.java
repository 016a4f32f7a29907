package io.tributary.http.auth;

import io.tributary.core.error.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code Authorization: Basic base64(user:apikey)}: the API key is the password; the user names the key's principal
 * or is {@code token} (what IBM Cloud credentials and registry clients send).
 */
public final class BasicExtractor implements CredentialExtractor {
  @Override
  public Optional<Credential> extract(HttpServerRequest request) {
    return AuthorizationHeader.parameter(request, "Basic").map(BasicExtractor::decode);
  }

  private static Credential decode(String encoded) {
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.UNAUTHORIZED.toException("Authentication failed: the Basic credentials are not valid base64.");
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      throw ErrorCode.UNAUTHORIZED.toException("Authentication failed: Basic credentials must be user:apikey.");
    }
    return new Credential.ApiKey(pair.substring(colon + 1), pair.substring(0, colon), "Basic");
  }
}
