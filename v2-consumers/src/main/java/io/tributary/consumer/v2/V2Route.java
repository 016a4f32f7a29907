package io.tributary.consumer.v2;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.http.V2Routes;
import io.tributary.http.consumer.ConsumerRefs;
import io.tributary.http.route.BodyTypes;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/** The declarations v2 consumer endpoints without records start from, on the v2 route kernel. */
final class V2Route {
  private V2Route() {}

  /**
   * An endpoint on a path v1 serves as well: a request whose media types v2 does not speak is left to v1 (or, when
   * no route takes it, answered with v1's error, as the unversioned generation).
   */
  static Endpoint<String, String, Object> sharedWithV1(Route route, BodyTypes<String> bodyTypes) {
    return V2Routes.KERNEL.at(route).consumes(bodyTypes).produces(V2ConsumerMedia.RESPONSES);
  }

  /** An endpoint only v2 serves: it also renders the errors of the requests it declines. */
  static Endpoint<String, String, Object> v2Only(Route route, BodyTypes<String> bodyTypes) {
    return sharedWithV1(route, bodyTypes).claimsFirst();
  }

  /** Answers 204 once the engine has done the operation. */
  static Future<Reply<Object>> noContent(Future<?> operation) {
    return operation.map(ignored -> Reply.noContent());
  }

  static ConsumerRef ref(RoutingContext ctx) {
    return ConsumerRefs.fromPath(ctx);
  }
}
