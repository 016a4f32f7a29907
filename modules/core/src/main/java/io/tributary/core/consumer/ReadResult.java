package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Records of one read, in the order Kafka returned them per partition.
 *
 * @param delivery for a read forwarded from another node ({@link ForwardedRead}), the id under which the instance's
 *     node holds these records until that node confirms it received them ({@link ConfirmDelivery}); 0 when nothing is
 *     held
 */
public record ReadResult(List<ConsumedRecord> records, long delivery) implements BusMessage {
  public ReadResult {
    records = List.copyOf(records);
  }

  /** Records that nobody needs to confirm. */
  public ReadResult(List<ConsumedRecord> records) {
    this(records, 0);
  }
}
