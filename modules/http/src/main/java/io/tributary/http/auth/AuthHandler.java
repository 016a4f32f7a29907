package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes who a request acts for: the first credential an extractor finds (in the order given) is checked by
 * the authenticator for its kind. Without any credential source configured, authentication is off and every
 * request is {@link Principal#ANONYMOUS}. A request without a valid credential is not failed here but rejected
 * through {@link Access} (see there why), with one audit line; credentials themselves are never logged.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  private final List<CredentialExtractor> extractors;
  private final List<Authenticator> authenticators;
  /** The WWW-Authenticate challenge sent with a 401, or null for none. */
  private final String challenge;

  /** Authentication with these credential sources; empty lists mean authentication is off. */
  public AuthHandler(List<CredentialExtractor> extractors, List<Authenticator> authenticators) {
    this(extractors, authenticators, null);
  }

  /**
   * As above, with a {@code WWW-Authenticate} challenge on every 401 (HTTP Basic realms: Java's and browsers' Basic
   * support send credentials only once challenged).
   */
  public AuthHandler(List<CredentialExtractor> extractors, List<Authenticator> authenticators, String challenge) {
    this.extractors = List.copyOf(extractors);
    this.authenticators = List.copyOf(authenticators);
    this.challenge = challenge;
  }

  /** Authentication off: every request acts as {@link Principal#ANONYMOUS}. */
  public static AuthHandler off() {
    return new AuthHandler(List.of(), List.of());
  }

  public boolean enabled() {
    return !authenticators.isEmpty();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!enabled()) {
      Access.admit(ctx, Principal.ANONYMOUS);
      ctx.next();
      return;
    }
    Credential credential;
    try {
      credential = firstCredential(ctx).orElse(null);
    } catch (TributaryException malformed) {
      deny(ctx, "malformed credential", malformed);
      return;
    }
    if (credential == null) {
      deny(ctx, "no credential", ErrorCode.UNAUTHORIZED.toException("Authentication required: send an API key "
          + "(X-Auth-Token, Authorization: Bearer or Basic), a signed JWT, or a client certificate."));
      return;
    }
    Authenticator authenticator = authenticators.stream().filter(a -> a.checks(credential)).findFirst().orElse(null);
    if (authenticator == null) {
      deny(ctx, credential + " is not enabled", ErrorCode.UNAUTHORIZED.toException(
          "Authentication failed: this server does not accept a " + credential.source() + "."));
      return;
    }
    authenticator.authenticate(credential).onComplete(ar -> {
      if (ar.succeeded()) {
        Access.admit(ctx, ar.result());
        ctx.next();
      } else {
        deny(ctx, credential + " refused", ar.cause() instanceof TributaryException te
            ? te : ErrorCode.UNAUTHORIZED.toException("Authentication failed."));
      }
    });
  }

  private Optional<Credential> firstCredential(RoutingContext ctx) {
    for (CredentialExtractor extractor : extractors) {
      Optional<Credential> found = extractor.extract(ctx.request());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private void deny(RoutingContext ctx, String why, TributaryException rejection) {
    if (challenge != null && rejection.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", challenge);
    }
    AUDIT.warn("denied: {} {} from {}: {} ({})", ctx.request().method(), ctx.request().path(),
        ctx.request().remoteAddress(), why, rejection.getMessage());
    Access.reject(ctx, rejection);
  }
}
