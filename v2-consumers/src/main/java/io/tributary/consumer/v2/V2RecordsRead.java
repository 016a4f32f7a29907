package io.tributary.consumer.v2;

import static io.tributary.consumer.v2.V2ConsumerMedia.Body.TYPE_OPTIONAL;
import static io.tributary.consumer.v2.V2ConsumerMedia.Path.V2_ONLY;

import io.tributary.core.bus.Addresses;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.ConsumedRecordsDecoder;
import io.tributary.formats.FormatConverter;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /consumers/{group}/instances/{instance}/records?timeout=&max_bytes=&include=}: a long poll of whatever
 * the instance subscribed to or was assigned. The schema formats (avro, jsonschema, protobuf) are decoded by the format
 * converters. Records the route cannot deliver (they do not fit the format, the principal may not consume their
 * topic, the client is gone) go back to the instance, so the next read returns them again and no record is skipped
 * (kafka-rest #582).
 */
final class V2RecordsRead {
  private static final Logger LOG = LoggerFactory.getLogger(V2RecordsRead.class);

  private final RouteContext deps;
  private final long readTimeoutMs;
  private final FormatConverter converter;

  V2RecordsRead(RouteContext deps) {
    this.deps = deps;
    this.converter = FormatConverter.over(deps.bus()::request);
    // The route cannot know the instance's own wait; the engine answers within the longest one it accepts.
    this.readTimeoutMs = deps.bus().defaultTimeoutMs()
        + Math.max(deps.config().get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS), CreateConsumer.MAX_REQUEST_TIMEOUT_MS);
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
      ReadRecords request = new ReadRecords(ref, null, type.get().format(), positive(ctx, "max_bytes"),
          positive(ctx, "timeout"));
      deps.bus().<ReadResult>request(Addresses.CONSUMER_READ, request, readTimeoutMs)
          .onSuccess(result -> respond(ctx, ref, type.get(), includes, result.records())).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  private void respond(RoutingContext ctx, ConsumerRef ref, V2ConsumerMedia.ReadType type, ReadIncludes includes,
      List<ConsumedRecord> records) {
    if (ctx.response().closed()) {
      requeue(ref, records);
      return;
    }
    try {
      TopicAccess.requireConsume(ctx, records.stream().map(ConsumedRecord::topic).toList());
    } catch (TributaryException e) {
      requeue(ref, records);
      ctx.fail(e);
      return;
    }
    ConsumedRecordsDecoder.decode(records, type.format(), converter).onSuccess(decoded -> {
      if (ctx.response().closed()) {
        requeue(ref, records);
        return;
      }
      Responses.json(ctx, 200, type.contentType(), V2RecordJson.render(decoded, includes))
          .onFailure(e -> requeue(ref, records));
    }).onFailure(e -> {
      requeue(ref, records);
      ctx.fail(e);
    });
  }

  private void requeue(ConsumerRef ref, List<ConsumedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    deps.bus().request(Addresses.CONSUMER_REQUEUE, new RequeueRecords(ref, records)).onFailure(e -> LOG.warn(
        "Could not hand {} undelivered record(s) back to consumer {}/{}: {}", records.size(), ref.group(),
        ref.instance(), e.getMessage()));
  }

  /** {@code timeout} and {@code max_bytes} can only shorten the instance's limits; absent or not positive is unset. */
  private static Long positive(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.trim());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      throw ErrorCode.BAD_REQUEST.toException("The " + name + " query parameter must be an integer.");
    }
  }
}
