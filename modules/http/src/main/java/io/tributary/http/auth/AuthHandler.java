package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes who a request acts for. With no key store, authentication is off and every request is
 * {@link Principal#ANONYMOUS}; otherwise the request must carry a known key in {@code X-Auth-Token} (401, code
 * 40101, when it does not). The key itself is never logged.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");
  public static final String API_KEY_HEADER = "X-Auth-Token";

  private final ApiKeyStore store;

  /** @param store the keys, or null when authentication is off */
  public AuthHandler(ApiKeyStore store) {
    this.store = store;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (store == null) {
      Access.set(ctx, Principal.ANONYMOUS);
      ctx.next();
      return;
    }
    String key = ctx.request().getHeader(API_KEY_HEADER);
    var principal = store.authenticate(key);
    if (principal.isEmpty()) {
      AUDIT.warn("denied: {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
          ctx.request().remoteAddress(), key == null ? "no API key" : "unknown API key");
      ctx.fail(ErrorCode.UNAUTHORIZED.toException(key == null
          ? "Authentication required: send an API key in the X-Auth-Token header."
          : "Authentication failed: the API key is not valid."));
      return;
    }
    Access.set(ctx, principal.get());
    ctx.next();
  }
}
