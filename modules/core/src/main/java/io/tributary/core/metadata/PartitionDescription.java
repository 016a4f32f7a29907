package io.tributary.core.metadata;

import java.util.List;

/** A partition with its leader broker id ({@code -1} when there is none) and its replicas. */
public record PartitionDescription(int partition, int leader, List<ReplicaDescription> replicas) {
  public PartitionDescription {
    replicas = List.copyOf(replicas);
  }
}
