package io.tributary.core.admin;

import java.util.List;

/** An ongoing partition reassignment: the current replica set and the brokers being added and removed. */
public record Reassignment(String topic, int partition, List<Integer> replicas, List<Integer> adding,
    List<Integer> removing) {
  public Reassignment {
    replicas = List.copyOf(replicas);
    adding = List.copyOf(adding);
    removing = List.copyOf(removing);
  }
}
