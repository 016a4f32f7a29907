package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Replicas sorted by topic and partition. */
public record BrokerReplicas(List<TopicReplica> replicas) implements BusMessage {
  public BrokerReplicas {
    replicas = List.copyOf(replicas);
  }
}
