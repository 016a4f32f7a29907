package io.tributary.http.consumer;

import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.Bus;
import io.tributary.http.route.Renderer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the records of a consumer read (v1 and v2) without losing any: records that cannot be rendered (they do
 * not fit the format) or sent (the client is gone) go back to their instance, and the next read returns them again
 * (kafka-rest #582).
 */
public final class RecordDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(RecordDelivery.class);

  private final Bus bus;

  public RecordDelivery(Bus bus) {
    this.bus = bus;
  }

  /**
   * How long a route waits for a read: it cannot know the instance's own wait, so the bus timeout plus the longest
   * request timeout an instance may have.
   */
  public static long readTimeoutMs(Bus bus, TributaryConfig config) {
    return bus.defaultTimeoutMs()
        + Math.max(config.get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS), CreateConsumer.MAX_REQUEST_TIMEOUT_MS);
  }

  /** A read to deliver, and the instance its records go back to when they cannot be delivered. */
  public record Delivery(ConsumerRef ref, RenderedRead read) {}

  /**
   * The renderer of a read the engine already rendered: writes its buffers one after another (the length is known,
   * so the answer is not chunk-encoded). A read the engine could not render fails the request with that failure
   * (thrown, for the route kernel to hand on), and its records go back, as do the records of a failed write or of a
   * client that is gone.
   */
  public Renderer<Delivery> renderer() {
    return this::deliver;
  }

  private void deliver(HttpServerResponse response, String contentType, Delivery delivery) {
    ConsumerRef ref = delivery.ref();
    RenderedRead read = delivery.read();
    List<ConsumedRecord> records = read.records();
    if (response.closed()) {
      requeue(ref, records);
      return;
    }
    if (read.failure() != null) {
      requeue(ref, records);
      throw read.failure();
    }
    response.putHeader("Content-Type", contentType)
        .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(read.bodyBytes()));
    for (Buffer chunk : read.body()) {
      response.write(chunk);
    }
    response.end().onFailure(e -> requeue(ref, records));
  }

  /** Hands records back to their instance; a failure can only be logged (the instance may be gone). */
  public void requeue(ConsumerRef ref, List<ConsumedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    bus.request(ConsumerOps.REQUEUE, new RequeueRecords(ref, records)).onFailure(e -> LOG.warn(
        "Could not hand {} undelivered record(s) back to consumer {}/{}: {}", records.size(), ref.group(),
        ref.instance(), e.getMessage()));
  }

  /** A query parameter that can only lower a limit ({@code timeout}, {@code max_bytes}): absent or ≤ 0 is unset. */
  public static Long positiveParam(RoutingContext ctx, String name) {
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
