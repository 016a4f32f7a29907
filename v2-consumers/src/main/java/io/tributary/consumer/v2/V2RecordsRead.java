package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.TYPE_OPTIONAL;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.http.RouteContext;
import io.tributary.http.V2Routes;
import io.tributary.http.consumer.RecordDelivery;
import io.tributary.http.consumer.RecordDelivery.Delivery;
import io.tributary.http.route.Call;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /consumers/{group}/instances/{instance}/records?timeout=&max_bytes=&include=}: a long poll of whatever
 * the instance subscribed to or was assigned, answered in one round trip: the engine decodes the records in the
 * instance's format and renders them (with the fields {@code include} asks for). Records the route cannot deliver (they do not fit the format, the principal may not consume their
 * topic, the client is gone) go back to the instance, so the next read returns them again and no record is skipped
 * (kafka-rest #582).
 */
final class V2RecordsRead {
  private final RouteContext deps;
  private final long readTimeoutMs;
  private final RecordDelivery delivery;

  V2RecordsRead(RouteContext deps) {
    this.deps = deps;
    this.delivery = new RecordDelivery(deps.bus());
    this.readTimeoutMs = RecordDelivery.readTimeoutMs(deps.bus(), deps.config());
  }

  void mount(Router router) {
    // Which topics a read may return is known only from its records: they are checked before delivery.
    V2Routes.KERNEL.at(router.get("/consumers/:group/instances/:instance/records"))
        .claimsFirst()
        .consumes(TYPE_OPTIONAL)
        .produces(V2ConsumerMedia.READS)
        .renders(delivery.renderer())
        .handles(this::handle);
  }

  private Future<Reply<Delivery>> handle(Call<String, V2ConsumerMedia.ReadType> call) {
    RoutingContext ctx = call.ctx();
    ReadIncludes includes = ReadIncludes.parse(ctx);
    ConsumerRef ref = V2Route.ref(ctx);
    ReadRecords request = new ReadRecords(ref, null, call.responseType().format(),
        RecordDelivery.positiveParam(ctx, "max_bytes"), RecordDelivery.positiveParam(ctx, "timeout"),
        RecordLayout.v2(includes.timestamp(), includes.headers()));
    return deps.bus().request(ConsumerOps.READ, request, readTimeoutMs).compose(read -> deliverable(ctx, ref, read));
  }

  /** The read, when the principal may consume every topic its records come from; else they go back, and 403. */
  private Future<Reply<Delivery>> deliverable(RoutingContext ctx, ConsumerRef ref, RenderedRead read) {
    return Future.succeededFuture(read).map(r -> {
      TopicAccess.requireConsume(ctx, r.records().stream().map(ConsumedRecord::topic).toList());
      return Reply.ok(new Delivery(ref, r));
    }).onFailure(e -> delivery.requeue(ref, read.records()));
  }
}
