package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Records of one read, in the order Kafka returned them per partition. */
public record ReadResult(List<ConsumedRecord> records) implements BusMessage {
  public ReadResult {
    records = List.copyOf(records);
  }
}
