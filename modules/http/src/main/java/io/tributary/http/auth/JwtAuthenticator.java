package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks signed JWTs with vertx-auth-jwt against the configured public keys: the signature must verify with one of
 * them (so {@code alg: none} and foreign keys fail), {@code exp} must be present and in the future, {@code nbf} and
 * {@code iat} not in the future, and {@code iss}/{@code aud} must match when configured. The principal is
 * {@code sub}; its permissions come from the configured claim, in the key file's permissions format.
 */
public final class JwtAuthenticator implements Authenticator {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  private final JWTAuth jwt;
  private final String permissionsClaim;
  private final int leewaySeconds;

  public JwtAuthenticator(JWTAuth jwt, String permissionsClaim, int leewaySeconds) {
    this.jwt = jwt;
    this.permissionsClaim = permissionsClaim;
    this.leewaySeconds = leewaySeconds;
  }

  @Override
  public boolean checks(Credential credential) {
    return credential instanceof Credential.Jwt;
  }

  @Override
  public Future<Principal> authenticate(Credential credential) {
    String token = ((Credential.Jwt) credential).token();
    if (isUnsigned(token)) {
      return Future.failedFuture(invalid("unsigned tokens (alg none) are not accepted"));
    }
    Future<User> checked;
    try {
      checked = jwt.authenticate(new TokenCredentials(token));
    } catch (RuntimeException malformed) {
      // The library reads the time claims with casts after verifying the signature: a signed token whose exp, nbf
      // or iat is not a number throws here rather than failing its future.
      AUDIT.info("JWT rejected: {}", malformed.toString());
      return Future.failedFuture(invalid("its exp, nbf or iat claim is not a number"));
    }
    return checked.transform(ar -> {
      if (ar.failed()) {
        // The library's reason (expired, bad signature, unknown key…) goes to the audit log, not to the client.
        AUDIT.info("JWT rejected: {}", ar.cause().getMessage());
        return Future.failedFuture(invalid("it is expired, not yet valid, or not signed by a trusted key"));
      }
      try {
        return Future.succeededFuture(principal(ar.result()));
      } catch (TributaryException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private Principal principal(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
    if (!(claims.getValue("exp") instanceof Number)) {
      throw invalid("it has no exp claim");
    }
    if (user.expired(leewaySeconds)) {
      throw invalid("it is expired or not yet valid");
    }
    Object sub = claims.getValue("sub");
    if (!(sub instanceof String name) || name.isBlank()) {
      throw invalid("it has no sub claim");
    }
    try {
      return Principal.restricted(name, Grants.parse(claims.getValue(permissionsClaim)));
    } catch (IllegalArgumentException e) {
      throw invalid("its " + permissionsClaim + " claim is malformed: " + e.getMessage());
    }
  }

  /** Whether the JOSE header names no algorithm or {@code none}, whatever its case. */
  private static boolean isUnsigned(String token) {
    try {
      String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          StandardCharsets.UTF_8);
      Object alg = new JsonObject(header).getValue("alg");
      return !(alg instanceof String name) || name.isBlank() || "none".equalsIgnoreCase(name.trim());
    } catch (RuntimeException malformed) {
      return true;
    }
  }

  private static TributaryException invalid(String why) {
    return ErrorCode.UNAUTHORIZED.toException("Authentication failed: the JWT is not accepted: " + why + ".");
  }
}
