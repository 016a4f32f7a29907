package io.tributary.http.auth;

import io.tributary.core.auth.Grant;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code authentication.method=BASIC}: checks a Basic user name and password against a {@link PasswordFile}, then
 * the user's roles against {@code authentication.roles} (any one of them will do; {@code *} admits every user of
 * the file). A right password without a required role is 403, as in Confluent's proxy. The user acts as a
 * principal of the same name with every permission, unless the {@code users} list of {@code auth.api.keys.file}
 * gives that user narrower ones.
 *
 * <p>Basic credentials also carry API keys (as the password). Where API keys are configured too, this
 * authenticator takes only the users its file knows, and leaves every other Basic credential to the API keys.
 */
public final class BasicUserAuthenticator implements Authenticator {
  private static final Set<String> EVERY_ROLE = Set.of("*", "**");

  private final PasswordFile users;
  private final Set<String> roles;
  private final Map<String, List<Grant>> narrowed;
  private final boolean takesEveryBasicCredential;

  /**
   * @param roles the roles a user needs one of ({@code *} for none)
   * @param narrowed permissions per user name, for the users that do not get every permission
   * @param takesEveryBasicCredential true when no API keys are configured, so an unknown user is this
   *     authenticator's to refuse
   */
  public BasicUserAuthenticator(PasswordFile users, List<String> roles, Map<String, List<Grant>> narrowed,
      boolean takesEveryBasicCredential) {
    this.users = users;
    this.roles = Set.copyOf(roles);
    this.narrowed = Map.copyOf(narrowed);
    this.takesEveryBasicCredential = takesEveryBasicCredential;
  }

  @Override
  public boolean checks(Credential credential) {
    return credential instanceof Credential.ApiKey basic && "Basic".equals(basic.source()) && basic.user() != null
        && (takesEveryBasicCredential || users.contains(basic.user()));
  }

  @Override
  public Future<Principal> authenticate(Credential credential) {
    Credential.ApiKey basic = (Credential.ApiKey) credential;
    Set<String> userRoles = users.check(basic.user(), basic.key()).orElse(null);
    if (userRoles == null) {
      return Future.failedFuture(ErrorCode.UNAUTHORIZED.toException(
          "Authentication failed: wrong user name or password."));
    }
    if (roles.stream().noneMatch(EVERY_ROLE::contains) && Collections.disjoint(roles, userRoles)) {
      return Future.failedFuture(ErrorCode.FORBIDDEN.toException(
          "Not authorized: user " + basic.user() + " has none of the roles this server requires."));
    }
    List<Grant> grants = narrowed.get(basic.user());
    return Future.succeededFuture(grants == null ? new Principal(basic.user(), List.of(), true)
        : Principal.restricted(basic.user(), grants));
  }
}
