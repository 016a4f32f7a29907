package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Moves an instance's positions: to offsets, and to the first record at or after a time (the end of the log when
 * there is none). Every partition must be assigned to the instance, else 40903 and nothing moves. Commit metadata
 * in {@code offsets} is ignored: a seek stores nothing. The reply is an Ack.
 */
public record Seek(ConsumerRef ref, List<PartitionOffset> offsets, List<PartitionTimestamp> timestamps)
    implements BusMessage {
  public Seek {
    offsets = List.copyOf(offsets);
    timestamps = List.copyOf(timestamps);
  }
}
