package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Asks for the group's committed offsets of these partitions. The reply is {@link CommittedOffsets}. */
public record GetCommittedOffsets(ConsumerRef ref, List<PartitionRef> partitions) implements BusMessage {
  public GetCommittedOffsets {
    partitions = List.copyOf(partitions);
  }
}
