package io.tributary.v1;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.http.RouteContext;
import io.tributary.http.consumer.RecordDelivery;
import io.tributary.http.route.Call;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;

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

  /** Writes the read, handing back what it cannot deliver. */
  Renderer<RecordDelivery.Delivery> renderer() {
    return delivery.renderer();
  }

  Future<Reply<RecordDelivery.Delivery>> handle(Call<Void, V1ConsumerMedia.ReadType> call) {
    ConsumerRef ref = V1ConsumerRoutes.ref(call.ctx());
    ReadRecords request = new ReadRecords(ref, call.path("topic"), call.responseType().format(),
        RecordDelivery.positiveParam(call.ctx(), "max_bytes"), null, RecordLayout.V1);
    return deps.bus().request(ConsumerOps.READ, request, readTimeoutMs)
        .map(read -> Reply.ok(new RecordDelivery.Delivery(ref, read)));
  }
}
