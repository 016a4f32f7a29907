package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Commits offsets for an instance. With {@code offsets} null the engine commits everything the instance returned
 * so far (the next offset after each partition's last returned record); otherwise it commits exactly the given
 * offsets, which the route has already converted to Kafka's "next offset to read" meaning.
 * The reply is {@link CommitResult}.
 */
public record CommitOffsets(ConsumerRef ref, List<PartitionOffset> offsets) implements BusMessage {
  public CommitOffsets {
    offsets = offsets == null ? null : List.copyOf(offsets);
  }
}
