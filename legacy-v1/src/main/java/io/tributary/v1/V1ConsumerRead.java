package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.error.TributaryException;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.consumer.RecordDelivery;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /consumers/{group}/instances/{instance}/topics/{topic}}: a long-poll read that subscribes on first
 * use, answered in one round trip: the engine decodes the records in the instance's format and renders them. Records the route cannot deliver (they do not fit the
 * format, or the client is gone) are handed back to the instance, so the next read returns them again and no record
 * is skipped.
 */
final class V1ConsumerRead {
  private final RouteContext deps;
  private final long readTimeoutMs;
  private final RecordDelivery delivery;

  V1ConsumerRead(RouteContext deps) {
    this.deps = deps;
    this.delivery = new RecordDelivery(deps.bus());
    this.readTimeoutMs = RecordDelivery.readTimeoutMs(deps.bus(), deps.config());
  }

  void handle(RoutingContext ctx) {
    Optional<V1ConsumerMedia.ReadType> type = V1MediaTypes.negotiate(ctx, V1ConsumerMedia.READS);
    if (type.isEmpty()) {
      return;
    }
    try {
      String topic = ctx.pathParam("topic");
      Access.require(ctx, Operation.CONSUME, topic);
      ConsumerRef ref = V1ConsumerRoutes.ref(ctx);
      ReadRecords request = new ReadRecords(ref, topic, type.get().format(),
          RecordDelivery.positiveParam(ctx, "max_bytes"), null, RecordLayout.V1);
      deps.bus().request(ConsumerOps.READ, request, readTimeoutMs)
          .onSuccess(read -> delivery.deliver(ctx, ref, read, type.get().contentType())).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }
}
