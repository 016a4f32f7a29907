package io.tributary.core.cluster;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** A node running alone: a member of a cluster of one that nobody ever leaves. */
final class LocalNode implements ClusterNodes {
  static final LocalNode INSTANCE = new LocalNode();

  private final String id = UUID.randomUUID().toString();

  private LocalNode() {}

  @Override
  public String localNodeId() {
    return id;
  }

  @Override
  public boolean clustered() {
    return false;
  }

  @Override
  public Set<String> members() {
    return Set.of(id);
  }

  @Override
  public void onNodeLeft(Consumer<String> listener) {
    // Nobody leaves a cluster of one.
  }
}
