package io.tributary.server;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.tributary.core.cluster.ClusterNodes;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ClusterNodes} over Vert.x's Hazelcast cluster manager: node ids are the cluster manager's (ids Vert.x
 * generates and publishes as a member attribute, not Hazelcast's member UUIDs). Departures come from a Hazelcast membership listener of our own, since Vert.x's event bus owns the cluster
 * manager's single node listener.
 */
final class HazelcastNodes implements ClusterNodes {
  /** Where vertx-hazelcast 5 keeps a member's Vert.x node id (HazelcastClusterManager's NODE_ID_ATTRIBUTE). */
  private static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";

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
        listener.accept(nodeId(event.getMember()));
      }
    });
  }

  /**
   * The Vert.x node id of a member: Vert.x's Hazelcast cluster manager generates its own id and publishes it as a
   * member attribute (it is not the member's UUID); a member that is not a Vert.x node is named by its UUID.
   */
  static String nodeId(Member member) {
    String id = member.getAttribute(VERTX_NODE_ID_ATTRIBUTE);
    return id == null ? member.getUuid().toString() : id;
  }

  HazelcastInstance hazelcast() {
    return manager.getHazelcastInstance();
  }
}
