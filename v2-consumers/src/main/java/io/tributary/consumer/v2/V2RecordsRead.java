package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.V2_ONLY;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.TributaryException;
import io.tributary.http.RouteContext;
import io.tributary.http.consumer.RecordDelivery;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

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
    router.get("/consumers/:group/instances/:instance/records").handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    Optional<V2ConsumerMedia.ReadType> type =
        V2ConsumerMedia.claim(ctx, V2ConsumerMedia.READS, TYPE_OPTIONAL, V2_ONLY);
    if (type.isEmpty()) {
      return;
    }
    try {
      ReadIncludes includes = ReadIncludes.parse(ctx);
      ConsumerRef ref = V2Route.ref(ctx);
      ReadRecords request = new ReadRecords(ref, null, type.get().format(),
          RecordDelivery.positiveParam(ctx, "max_bytes"), RecordDelivery.positiveParam(ctx, "timeout"),
          RecordLayout.v2(includes.timestamp(), includes.headers()));
      deps.bus().request(ConsumerOps.READ, request, readTimeoutMs)
          .onSuccess(read -> respond(ctx, ref, type.get(), read)).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  private void respond(RoutingContext ctx, ConsumerRef ref, V2ConsumerMedia.ReadType type, RenderedRead read) {
    try {
      TopicAccess.requireConsume(ctx, read.records().stream().map(ConsumedRecord::topic).toList());
    } catch (TributaryException e) {
      delivery.requeue(ref, read.records());
      ctx.fail(e);
      return;
    }
    delivery.deliver(ctx, ref, read, type.contentType());
  }
}
