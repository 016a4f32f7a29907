package io.tributary.http.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;

/**
 * The consumer instance a request addresses, as its principal sees it (v1 and v2 alike): instances belong to the
 * principal that created them, and the engine matches the principal along with the group and the name.
 */
public final class ConsumerRefs {
  private ConsumerRefs() {}

  /**
   * The instance named by the {@code :group} and {@code :instance} path parameters, for the request's principal.
   *
   * @throws io.tributary.core.error.TributaryException 401/429 when the request was not admitted
   */
  public static ConsumerRef fromPath(RoutingContext ctx) {
    return new ConsumerRef(ctx.pathParam("group"), ctx.pathParam("instance"), principalName(ctx));
  }

  /** The name that owns what this request creates; anonymous (one shared name) when authentication is off. */
  public static String principalName(RoutingContext ctx) {
    return Access.principal(ctx).name();
  }
}
