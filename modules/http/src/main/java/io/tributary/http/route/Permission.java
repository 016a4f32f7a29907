package io.tributary.http.route;

import io.tributary.core.auth.Operation;
import io.tributary.core.produce.InternalTopics;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;

/**
 * What a route requires of the request's principal, checked by the {@link RouteKernel} after the request was
 * claimed and before the route's handler runs, so before anything reaches an engine. A check that fails throws the
 * 403 {@code TributaryException} (or the 401/429 of a request that was not admitted), which the kernel hands to the
 * failure handler in the generation's shape. Routes whose answer depends on the principal in finer ways (listings
 * that filter their rows, bodies that name topics) declare the coarse permission here and check the rest inside.
 */
@FunctionalInterface
public interface Permission {
  /** Throws when the request's principal may not go on. */
  void check(RoutingContext ctx);

  /** Anyone admitted may call the route. */
  Permission NONE = ctx -> { };

  /** {@code operation} on the topic named by the path parameter {@code topicParam}. */
  static Permission onTopic(Operation operation, String topicParam) {
    return ctx -> Access.require(ctx, operation, ctx.pathParam(topicParam));
  }

  /** Seeing the topic named by the path parameter {@code topicParam} (metadata of one topic). */
  static Permission seeTopic(String topicParam) {
    return ctx -> Access.requireVisible(ctx, ctx.pathParam(topicParam));
  }

  /** {@code operation} on some topic (cluster-level operations, consumer instances not yet tied to topics). */
  static Permission onAnyTopic(Operation operation) {
    return ctx -> Access.requireAny(ctx, operation);
  }

  /** Producing to the topic named by {@code topicParam}, which must not be one of the {@code internal} ones. */
  static Permission produceTo(InternalTopics internal, String topicParam) {
    return ctx -> Access.requireProduce(ctx, internal, ctx.pathParam(topicParam));
  }
}
