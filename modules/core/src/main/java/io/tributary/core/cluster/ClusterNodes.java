package io.tributary.core.cluster;

import java.util.Set;
import java.util.function.Consumer;

/**
 * This node's view of the nodes that form one proxy. A node running alone ({@link #alone}) is a cluster of one:
 * engines ask the same questions either way and need no special case for single-node mode.
 *
 * <p>Node ids are the cluster manager's ({@code ClusterManager.getNodeId()}: in cluster mode an id Vert.x generates,
 * not the Hazelcast member UUID). The server builds the view; engines
 * receive it in their constructors.
 */
public interface ClusterNodes {
  /** This node's id, stable for the life of the process. */
  String localNodeId();

  /** Whether this node runs with a clustered event bus. */
  boolean clustered();

  /** The ids of the nodes currently in the cluster, this one included. */
  Set<String> members();

  /** Whether {@code nodeId} is currently a member. */
  default boolean isMember(String nodeId) {
    return members().contains(nodeId);
  }

  /**
   * Calls {@code listener} with a node's id when that node leaves the cluster (stopped, crashed or cut off).
   * Called on a cluster manager thread: listeners hand work to their own context.
   */
  void onNodeLeft(Consumer<String> listener);

  /** The view of a node running alone. */
  static ClusterNodes alone() {
    return LocalNode.INSTANCE;
  }
}
