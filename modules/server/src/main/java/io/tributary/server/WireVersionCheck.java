package io.tributary.server;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.tributary.core.bus.BusWireCodec;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes exchange bus messages in {@link BusWireCodec}'s format, so they must speak the same wire version. Each member
 * publishes its version as a Hazelcast member attribute: a starting node that finds a member speaking another version
 * refuses to start, and running nodes log an error naming any such member that joins (which then refuses itself).
 */
final class WireVersionCheck implements MembershipListener {
  private static final Logger LOG = LoggerFactory.getLogger(WireVersionCheck.class);
  static final String LOCAL = String.valueOf(BusWireCodec.WIRE_VERSION);

  /** Throws when a member of the cluster this node has joined speaks another wire version. */
  static void requireSameVersion(HazelcastInstance hazelcast) {
    Member local = hazelcast.getCluster().getLocalMember();
    for (Member member : hazelcast.getCluster().getMembers()) {
      if (!member.equals(local) && !LOCAL.equals(versionOf(member))) {
        throw new IllegalStateException("Cluster member " + member.getAddress() + " (node "
            + HazelcastNodes.nodeId(member) + ") speaks bus wire version " + describe(member)
            + " and this node speaks version " + LOCAL
            + ": nodes of one cluster must run compatible Tributary versions; this node does not start");
      }
    }
  }

  /** Checks every member and logs, on this node, each one that joins later with another version. */
  static void watch(HazelcastInstance hazelcast) {
    hazelcast.getCluster().addMembershipListener(new WireVersionCheck());
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    Member member = event.getMember();
    if (!LOCAL.equals(versionOf(member))) {
      LOG.error("Cluster member {} (node {}) joined speaking bus wire version {}, but this node speaks version {}:"
          + " that member refuses to start", member.getAddress(), HazelcastNodes.nodeId(member),
          describe(member), LOCAL);
    } else {
      LOG.info("Cluster member {} (node {}) joined", member.getAddress(), HazelcastNodes.nodeId(member));
    }
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.info("Cluster member {} (node {}) left", event.getMember().getAddress(),
        HazelcastNodes.nodeId(event.getMember()));
  }

  private static String versionOf(Member member) {
    return member.getAttribute(ClusterSettings.WIRE_VERSION_ATTRIBUTE);
  }

  private static String describe(Member member) {
    return Objects.requireNonNullElse(versionOf(member), "none (not a Tributary node)");
  }
}
