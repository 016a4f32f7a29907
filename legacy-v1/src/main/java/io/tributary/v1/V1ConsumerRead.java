package io.tributary.v1;

import io.tributary.core.auth.Operation;
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
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /consumers/{group}/instances/{instance}/topics/{topic}}: a long-poll read that subscribes on first
 * use. Avro records are decoded by the format converters. Records the route cannot deliver (they do not fit the
 * format, or the client is gone) are handed back to the instance, so the next read returns them again and no record
 * is skipped.
 */
final class V1ConsumerRead {
  private static final Logger LOG = LoggerFactory.getLogger(V1ConsumerRead.class);

  private final RouteContext deps;
  private final long readTimeoutMs;
  private final FormatConverter converter;

  V1ConsumerRead(RouteContext deps) {
    this.deps = deps;
    this.converter = FormatConverter.over(deps.bus()::request);
    // The route cannot know the instance's own wait; the engine answers within the longest one it accepts.
    this.readTimeoutMs = deps.bus().defaultTimeoutMs()
        + Math.max(deps.config().get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS), CreateConsumer.MAX_REQUEST_TIMEOUT_MS);
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
      ReadRecords request = new ReadRecords(ref, topic, type.get().format(), maxBytes(ctx), null);
      deps.bus().<ReadResult>request(Addresses.CONSUMER_READ, request, readTimeoutMs)
          .onSuccess(result -> respond(ctx, ref, type.get(), result.records())).onFailure(ctx::fail);
    } catch (TributaryException e) {
      ctx.fail(e);
    }
  }

  private void respond(RoutingContext ctx, ConsumerRef ref, V1ConsumerMedia.ReadType type,
      List<ConsumedRecord> records) {
    if (ctx.response().closed()) {
      requeue(ref, records);
      return;
    }
    ConsumedRecordsDecoder.decode(records, type.format(), converter).onSuccess(decoded -> {
      if (ctx.response().closed()) {
        requeue(ref, records);
        return;
      }
      Responses.json(ctx, 200, type.contentType(), V1ConsumedRecords.render(decoded))
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

  /** {@code max_bytes}: absent or not positive means no limit beyond the configured one. */
  private static Long maxBytes(RoutingContext ctx) {
    String raw = ctx.request().getParam("max_bytes");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.trim());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      throw ErrorCode.BAD_REQUEST.toException("The max_bytes query parameter must be an integer.");
    }
  }
}
