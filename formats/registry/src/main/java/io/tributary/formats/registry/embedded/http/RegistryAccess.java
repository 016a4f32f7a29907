package io.tributary.formats.registry.embedded.http;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what in the embedded registry: {@code schema-read} on a subject to read it, {@code schema-write} to
 * register, delete or configure it, {@code admin} on it for permanent deletes, and {@code admin} on every subject
 * for the global config and mode (see {@link io.tributary.core.auth.Grant} for how grants cover subjects). Refusals
 * are 403 40301 in the registry's envelope, with one audit line.
 */
final class RegistryAccess {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  private RegistryAccess() {}

  /** Fails with 403 unless the principal holds {@code operation} on {@code subject}. */
  static void require(RoutingContext ctx, Operation operation, String subject) {
    Principal p = Access.principal(ctx);
    if (!p.mayOnSubject(operation, subject)) {
      throw denied(ctx, p, operation.wireName() + " subject " + subject);
    }
  }

  /** {@code admin} on the subject for a permanent delete, else {@code schema-write}. */
  static void requireDelete(RoutingContext ctx, String subject) {
    require(ctx, RegistryParams.flag(ctx, "permanent") ? Operation.ADMIN : Operation.SCHEMA_WRITE, subject);
  }

  /** Fails with 403 unless the principal may change the registry as a whole (global config and mode). */
  static void requireRegistryAdmin(RoutingContext ctx) {
    Principal p = Access.principal(ctx);
    if (!p.administersRegistry()) {
      throw denied(ctx, p, "change the registry's global settings (admin on subjects \"*\" is needed)");
    }
  }

  /** Whether the principal may read the subject: what listings show. */
  static boolean mayRead(RoutingContext ctx, String subject) {
    return Access.principal(ctx).mayOnSubject(Operation.SCHEMA_READ, subject);
  }

  static RuntimeException denied(RoutingContext ctx, Principal p, String what) {
    AUDIT.warn("denied: {} {} principal={} may not {}", ctx.request().method(), ctx.request().path(), p.name(), what);
    return ErrorCode.FORBIDDEN.toException("Not authorized: principal " + p.name() + " may not " + what + ".");
  }
}
