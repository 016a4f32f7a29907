package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.error.TributaryException;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * The reply to {@link ReadRecords}: the records of one read and their JSON answer, already decoded in the instance's
 * format and rendered in the request's {@link RecordLayout}, as a few buffers of bounded size (written one after
 * another, so that no answer is one large allocation). The records count as consumed unless the route hands them
 * back with {@link RequeueRecords}: when it may not deliver them, when the client is gone, or when {@code failure} is
 * set.
 *
 * @param records the records, in the order Kafka returned them per partition
 * @param body the JSON array of the records, in order; empty when {@code failure} is set
 * @param failure why the records could not be rendered in the instance's format (e.g. 50002), or null; the route
 *     answers with it after its own checks
 */
public record RenderedRead(List<ConsumedRecord> records, List<Buffer> body, TributaryException failure)
    implements BusMessage {
  public RenderedRead {
    records = List.copyOf(records);
    body = List.copyOf(body);
  }

  /** Records that could not be rendered. */
  public static RenderedRead failed(List<ConsumedRecord> records, TributaryException failure) {
    return new RenderedRead(records, List.of(), failure);
  }

  /** The length of {@code body} in bytes. */
  public long bodyBytes() {
    long total = 0;
    for (Buffer chunk : body) {
      total += chunk.length();
    }
    return total;
  }
}
