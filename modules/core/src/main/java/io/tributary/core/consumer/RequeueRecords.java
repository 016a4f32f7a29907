package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Hands records of a read back to their instance because the route could not deliver them (a format error, a
 * failed write to the client): the next read returns them again, so no record is skipped. The reply is an Ack.
 */
public record RequeueRecords(ConsumerRef ref, List<ConsumedRecord> records) implements BusMessage {
  public RequeueRecords {
    records = List.copyOf(records);
  }
}
