package io.tributary.admin.v3;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.auth.Access;
import io.tributary.http.route.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call a v3 endpoint, checked before anything is sent to the engine. Administration needs the admin
 * permission: on the path's topic for topic-scoped endpoints, on any topic pattern for cluster-wide ones. Listings
 * that filter their own rows use {@link #NONE} or {@link #CLUSTER_ADMIN} and filter with the principal.
 */
@FunctionalInterface
interface Guard extends Permission {
  Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  Guard NONE = ctx -> { };

  Guard CLUSTER_ADMIN = ctx -> {
    Principal p = Access.principal(ctx);
    if (!p.hasAny(Operation.ADMIN)) {
      AUDIT.warn("denied: {} {} principal={} lacks admin on any topic", ctx.request().method(),
          ctx.request().path(), p.name());
      throw ErrorCode.FORBIDDEN.toException("Not authorized: principal " + p.name()
          + " may not administer the cluster.");
    }
  };

  /** Admin permission on the topic named by the path parameter {@code param}. */
  static Guard topicAdmin(String param) {
    return ctx -> Access.require(ctx, Operation.ADMIN, ctx.pathParam(param));
  }
}
