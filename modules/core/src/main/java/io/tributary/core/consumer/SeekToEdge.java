package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Moves an instance's positions to the beginning or the end of partitions it holds; 40903 (and nothing moves)
 * when one is not assigned to it. The reply is an Ack.
 */
public record SeekToEdge(ConsumerRef ref, List<PartitionRef> partitions, Edge edge) implements BusMessage {
  /** Which end of the log. */
  public enum Edge {
    BEGINNING,
    END
  }

  public SeekToEdge {
    partitions = List.copyOf(partitions);
  }
}
