package io.tributary.server;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.tributary.core.cluster.ClusterNodes;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ClusterNodes} over Vert.x's Hazelcast cluster manager: node ids are the cluster manager's (Hazelcast member
 * UUIDs). Departures come from a Hazelcast membership listener of our own, since Vert.x's event bus owns the cluster
 * manager's single node listener.
 */
final class HazelcastNodes implements ClusterNodes {
  private final HazelcastClusterManager manager;

  HazelcastNodes(HazelcastClusterManager manager) {
    this.manager = manager;
  }

  @Override
  public String localNodeId() {
    return manager.getNodeId();
  }

  @Override
  public boolean clustered() {
    return true;
  }

  @Override
  public Set<String> members() {
    return Set.copyOf(manager.getNodes());
  }

  @Override
  public void onNodeLeft(Consumer<String> listener) {
    hazelcast().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        // Joins need no action from the engines: a new node takes requests as they come.
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        listener.accept(event.getMember().getUuid().toString());
      }
    });
  }

  HazelcastInstance hazelcast() {
    return manager.getHazelcastInstance();
  }
}
