package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.vertx.core.Future;

/** Checks one kind of credential and says who it belongs to. */
public interface Authenticator {
  /** Whether this authenticator checks credentials of this kind. */
  boolean checks(Credential credential);

  /**
   * The principal the credential proves, or a failed future with a 401 {@link io.tributary.core.error.TributaryException}
   * whose message says what was wrong without repeating any secret.
   */
  Future<Principal> authenticate(Credential credential);
}
