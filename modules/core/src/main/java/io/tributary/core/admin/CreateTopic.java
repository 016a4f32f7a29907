package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;
import java.util.Map;

/**
 * Creates a topic. {@code partitions} and {@code replicationFactor} may be null (broker defaults); a non-empty
 * {@code replicasAssignments} (partition id → broker ids) replaces both. Config values may be null. With
 * {@code validateOnly} Kafka only checks the request. The reply is {@link TopicCreated}; a name Kafka would reject
 * fails with 42206, anything Kafka refuses (exists, replication factor too large…) with 40002.
 */
public record CreateTopic(String name, Integer partitions, Short replicationFactor,
    Map<Integer, List<Integer>> replicasAssignments, Map<String, String> configs, boolean validateOnly)
    implements BusMessage {
  public CreateTopic {
    replicasAssignments = Map.copyOf(replicasAssignments);
    // Config values may be null, which Map.copyOf refuses.
    configs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configs));
  }
}
