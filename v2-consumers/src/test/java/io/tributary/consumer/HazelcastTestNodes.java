package io.tributary.consumer;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.tributary.core.cluster.ClusterNodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A clustered Vert.x node for tests (Hazelcast, TCP/IP join on the loopback address with explicit member ports, no
 * multicast nor auto-detection) and a {@link ClusterNodes} view over its cluster manager. The server's own view is
 * the production one (modules/server, which this module may not see); this one only serves the engine's tests and
 * must name nodes as it does.
 */
final class HazelcastTestNodes implements ClusterNodes {
  /** Where Vert.x's Hazelcast cluster manager publishes its node id (see the server's HazelcastNodes). */
  private static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";
  private final HazelcastClusterManager manager;
  private final Vertx vertx;

  private HazelcastTestNodes(HazelcastClusterManager manager, Vertx vertx) {
    this.manager = manager;
    this.vertx = vertx;
  }

  /** Starts a node on {@code port} that joins the others of {@code memberPorts}; completes once it joined. */
  static Future<HazelcastTestNodes> start(String clusterName, int port, List<Integer> memberPorts) {
    return start(clusterName, port, memberPorts, Map.of());
  }

  /** As {@link #start(String, int, List)}, with Hazelcast properties of the test's own. */
  static Future<HazelcastTestNodes> start(String clusterName, int port, List<Integer> memberPorts,
      Map<String, String> properties) {
    Config config = ConfigUtil.loadConfig();
    properties.forEach(config::setProperty);
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1");
    HazelcastClusterManager manager = new HazelcastClusterManager(config);
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
        .map(vertx -> new HazelcastTestNodes(manager, vertx));
  }

  Vertx vertx() {
    return vertx;
  }

  /** A loopback port free at the moment, for a node's Hazelcast member address. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        // Joins need no action from the engine.
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // The same id as getNodeId()/getNodes(): Vert.x's own, published as a member attribute, not the UUID
        // (the server's HazelcastNodes reads it the same way; a UUID here would never match an owner).
        String vertxId = event.getMember().getAttribute(VERTX_NODE_ID_ATTRIBUTE);
        listener.accept(vertxId != null ? vertxId : event.getMember().getUuid().toString());
      }
    });
  }
}
