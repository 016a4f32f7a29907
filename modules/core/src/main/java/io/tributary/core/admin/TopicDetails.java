package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.metadata.PartitionDescription;
import java.util.List;

/**
 * A topic as the v3 API shows it: its partitions ordered by id and, when they were asked for, the operations the
 * proxy's own Kafka principal may perform on it (names of Kafka's ACL operations; empty when not asked for).
 */
public record TopicDetails(String name, boolean internal, List<PartitionDescription> partitions,
    List<String> authorizedOperations) implements BusMessage {
  public TopicDetails {
    partitions = List.copyOf(partitions);
    authorizedOperations = List.copyOf(authorizedOperations);
  }

  /** The replica count of the first partition (Kafka has no per-topic replication factor), 0 without partitions. */
  public int replicationFactor() {
    return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
  }
}
