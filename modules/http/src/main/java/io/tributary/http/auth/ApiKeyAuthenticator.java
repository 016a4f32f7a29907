package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;

/**
 * Checks API keys against the {@link ApiKeyStore} (digests, constant-time comparison). With Basic, the user name
 * must be the key's principal or {@code token}; anything else is refused, so that a key sent on behalf of someone
 * else is not silently accepted.
 */
public final class ApiKeyAuthenticator implements Authenticator {
  /** The Basic user name IBM Cloud clients send with an API key as the password. */
  static final String TOKEN_USER = "token";

  private final ApiKeyStore store;

  public ApiKeyAuthenticator(ApiKeyStore store) {
    this.store = store;
  }

  @Override
  public boolean checks(Credential credential) {
    return credential instanceof Credential.ApiKey;
  }

  @Override
  public Future<Principal> authenticate(Credential credential) {
    Credential.ApiKey apiKey = (Credential.ApiKey) credential;
    Principal principal = store.authenticate(apiKey.key()).orElse(null);
    if (principal == null) {
      return Future.failedFuture(ErrorCode.UNAUTHORIZED.toException(
          "Authentication failed: the API key is not valid."));
    }
    String user = apiKey.user();
    if (user != null && !user.isEmpty() && !user.equals(TOKEN_USER) && !user.equals(principal.name())) {
      return Future.failedFuture(ErrorCode.UNAUTHORIZED.toException(
          "Authentication failed: the Basic user name must be the key's principal or 'token'."));
    }
    return Future.succeededFuture(principal);
  }
}
