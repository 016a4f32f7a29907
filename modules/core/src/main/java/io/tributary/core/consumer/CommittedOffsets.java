package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Committed offsets as Kafka stores them (the next offset to read) with their metadata, only for the asked
 * partitions that have one.
 */
public record CommittedOffsets(List<PartitionOffset> offsets) implements BusMessage {
  public CommittedOffsets {
    offsets = List.copyOf(offsets);
  }
}
