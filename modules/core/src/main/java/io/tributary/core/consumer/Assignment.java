package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** The partitions an instance holds, sorted by topic and partition. */
public record Assignment(List<PartitionRef> partitions) implements BusMessage {
  public Assignment {
    partitions = List.copyOf(partitions);
  }
}
