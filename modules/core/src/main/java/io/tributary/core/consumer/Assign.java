package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Replaces an instance's manual assignment with these partitions (none: no assignment). 40903 when the instance
 * is subscribed. The reply is an Ack.
 */
public record Assign(ConsumerRef ref, List<PartitionRef> partitions) implements BusMessage {
  public Assign {
    partitions = List.copyOf(partitions);
  }
}
