package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.V2_ONLY;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.ConsumedRecordsDecoder;
import io.tributary.formats.FormatConverter;
import io.tributary.http.RouteContext;
import io.tributary.http.consumer.RecordDelivery;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /consumers/{group}/instances/{instance}/records?timeout=&max_bytes=&include=}: a long poll of whatever
 * the instance subscribed to or was assigned. The schema formats (avro, jsonschema, protobuf) are decoded by the format
 * converters. Records the route cannot deliver (they do not fit the format, the principal may not consume their
 * topic, the client is gone) go back to the instance, so the next read returns them again and no record is skipped
 * (kafka-rest #582).
 */
final class V2RecordsRead {
  private final RouteContext deps;
  private final long readTimeoutMs;
  private final FormatConverter converter;
  private final RecordDelivery delivery;

  V2RecordsRead(RouteContext deps) {
    this.deps = deps;
    this.converter = FormatConverter.over(deps.bus()::request);
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
          RecordDelivery.positiveParam(ctx, "max_bytes"), RecordDelivery.positiveParam(ctx, "timeout"));
      deps.bus().request(ConsumerOps.READ, request, readTimeoutMs)
          .onSuccess(result -> respond(ctx, ref, type.get(), includes, result.records())).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  private void respond(RoutingContext ctx, ConsumerRef ref, V2ConsumerMedia.ReadType type, ReadIncludes includes,
      List<ConsumedRecord> records) {
    try {
      TopicAccess.requireConsume(ctx, records.stream().map(ConsumedRecord::topic).toList());
    } catch (TributaryException e) {
      delivery.requeue(ref, records);
      ctx.fail(e);
      return;
    }
    delivery.deliver(ctx, ref, records, type.contentType(), undelivered ->
        ConsumedRecordsDecoder.decode(undelivered, type.format(), converter)
            .map(decoded -> V2RecordJson.render(decoded, includes)));
  }
}
