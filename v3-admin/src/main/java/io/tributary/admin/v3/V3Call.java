package io.tributary.admin.v3;

import io.tributary.core.auth.Principal;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.Bus;
import io.tributary.http.auth.Access;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** One v3 request whose media types, permission and cluster id have been checked: what a route handler works with. */
final class V3Call {
  private final RoutingContext ctx;
  private final V3Links links;
  private final Bus bus;

  V3Call(RoutingContext ctx, V3Links links, Bus bus) {
    this.ctx = ctx;
    this.links = links;
    this.bus = bus;
  }

  RoutingContext ctx() {
    return ctx;
  }

  V3Links links() {
    return links;
  }

  Principal principal() {
    return Access.principal(ctx);
  }

  <Q extends BusMessage, R extends BusMessage> Future<R> request(BusOperation<Q, R> operation, Q message) {
    return bus.request(operation, message);
  }

  String path(String name) {
    return ctx.pathParam(name);
  }

  String query(String name) {
    return ctx.request().getParam(name);
  }

  boolean queryFlag(String name) {
    return "true".equalsIgnoreCase(query(name));
  }

  /** The {@code partition} path parameter; one that is not a partition number can only name a missing one. */
  int partition() {
    return nonNegative(path("partition"), V3Errors.partitionNotFound());
  }

  /** The {@code broker} path parameter; one that is not a broker id can only name a missing broker. */
  int broker() {
    String raw = path("broker");
    return nonNegative(raw, ErrorCode.NOT_FOUND.toException("Broker " + raw + " cannot be found."));
  }

  private static int nonNegative(String raw, RuntimeException otherwise) {
    try {
      int value = Integer.parseInt(raw);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw otherwise;
  }
}
