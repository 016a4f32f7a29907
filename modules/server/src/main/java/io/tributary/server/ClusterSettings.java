package io.tributary.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.tributary.core.bus.BusWireCodec;
import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code cluster.*} keys ask for, checked at start-up, and the Hazelcast configuration they make. A node
 * with neither {@code cluster.members} nor {@code cluster.config.file} runs alone and starts no Hazelcast at all.
 */
final class ClusterSettings {
  /** The member attribute that carries {@link BusWireCodec#WIRE_VERSION}; members must agree on it. */
  static final String WIRE_VERSION_ATTRIBUTE = "tributary.wire.version";
  /** kafka-rest's own backends, both in-process: they mean {@code node}. */
  private static final List<String> NODE_BACKENDS = List.of("node", "guava", "resilience4j");

  private final TributaryConfig config;

  private ClusterSettings(TributaryConfig config) {
    this.config = config;
  }

  /** Reads and checks the cluster keys; a setting the node cannot honour is a {@link ConfigException}. */
  static ClusterSettings of(TributaryConfig config) {
    ClusterSettings settings = new ClusterSettings(config);
    settings.check();
    return settings;
  }

  boolean clustered() {
    return !config.list(ConfigKeys.CLUSTER_MEMBERS).isEmpty() || !configFile().isEmpty();
  }

  boolean rateLimitCountedInCluster() {
    return !NODE_BACKENDS.contains(config.get(ConfigKeys.RATE_LIMIT_BACKEND));
  }

  /** This node's address on the clustered event bus (also Hazelcast's, unless a configuration file says otherwise). */
  String host() {
    return config.get(ConfigKeys.CLUSTER_HOST).trim();
  }

  int busPort() {
    return config.get(ConfigKeys.CLUSTER_BUS_PORT);
  }

  /** How often this node checks that its peers reach it ({@link PeerReachVerticle}). */
  long reachCheckMs() {
    return config.get(ConfigKeys.CLUSTER_REACH_CHECK_MS);
  }

  private String configFile() {
    return config.get(ConfigKeys.CLUSTER_CONFIG_FILE).trim();
  }

  private void check() {
    if (rateLimitCountedInCluster() && !clustered()) {
      throw new ConfigException(ConfigKeys.RATE_LIMIT_BACKEND.name(), "'cluster' counts requests across the nodes"
          + " of a cluster, and this node runs alone: set cluster.members (or cluster.config.file), or use 'node'");
    }
    if (!clustered()) {
      return;
    }
    if (config.get(ConfigKeys.BOOTSTRAP_SERVERS).isBlank()) {
      throw new ConfigException(ConfigKeys.BOOTSTRAP_SERVERS.name(), "cluster mode needs one Kafka cluster that"
          + " every node uses: set bootstrap.servers (the embedded broker serves a single node only)");
    }
    if (host().isEmpty()) {
      throw new ConfigException(ConfigKeys.CLUSTER_HOST.name(), "cluster mode needs this node's address");
    }
    for (String member : config.list(ConfigKeys.CLUSTER_MEMBERS)) {
      checkMember(member);
    }
    String file = configFile();
    if (!file.isEmpty() && !Files.isReadable(Path.of(file))) {
      throw new ConfigException(ConfigKeys.CLUSTER_CONFIG_FILE.name(), "'" + file + "' cannot be read");
    }
  }

  private static void checkMember(String member) {
    int colon = member.lastIndexOf(':');
    boolean valid = colon > 0 && colon < member.length() - 1;
    if (valid) {
      try {
        int port = Integer.parseInt(member.substring(colon + 1));
        valid = port > 0 && port <= 65_535;
      } catch (NumberFormatException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new ConfigException(ConfigKeys.CLUSTER_MEMBERS.name(), "'" + member + "' is not host:port");
    }
  }

  /** Fails at once, naming the key, when this node's cluster ports are taken (Hazelcast would say so less clearly). */
  void requirePortsFree() {
    if (configFile().isEmpty()) {
      requireFree(ConfigKeys.CLUSTER_PORT.name(), config.get(ConfigKeys.CLUSTER_PORT));
    }
    if (busPort() > 0) {
      requireFree(ConfigKeys.CLUSTER_BUS_PORT.name(), busPort());
    }
  }

  private void requireFree(String key, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host(), port));
    } catch (IOException e) {
      throw ConfigException.cannotListen(key, String.valueOf(port), host(), port, e);
    }
  }

  /**
   * The Hazelcast configuration: the file's when {@code cluster.config.file} is set, else TCP/IP join of
   * {@code cluster.members} on {@code cluster.host:cluster.port}. Either way the member carries the wire-codec version
   * and Hazelcast neither phones home nor installs its own shutdown hook (the server leaves the cluster on stop).
   */
  Config hazelcastConfig() {
    Config hazelcast = configFile().isEmpty() ? fromKeys() : fromFile(configFile());
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    if (hazelcast.getProperty("hazelcast.logging.type") == null) {
      hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    }
    hazelcast.getMemberAttributeConfig().setAttribute(WIRE_VERSION_ATTRIBUTE,
        String.valueOf(BusWireCodec.WIRE_VERSION));
    return hazelcast;
  }

  private Config fromKeys() {
    Config hazelcast = new Config();
    hazelcast.setClusterName(config.get(ConfigKeys.CLUSTER_NAME));
    // Bind to cluster.host only (not every interface) and announce that address to the others.
    hazelcast.setProperty("hazelcast.local.localAddress", host());
    // A node whose members are absent starts alone soon, and one that started alone merges with them within
    // seconds (Hazelcast's defaults wait minutes); a member that vanishes without leaving is dropped within 15 s.
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "1");
    hazelcast.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    hazelcast.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "2");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
    NetworkConfig network = hazelcast.getNetworkConfig();
    int port = config.get(ConfigKeys.CLUSTER_PORT);
    network.setPort(port).setPortAutoIncrement(false).setPublicAddress(host() + ":" + port);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2)
        .setMembers(config.list(ConfigKeys.CLUSTER_MEMBERS));
    return hazelcast;
  }

  private static Config fromFile(String file) {
    try {
      return Config.loadFromFile(new File(file));
    } catch (IOException | RuntimeException e) {
      // Hazelcast reports a bad file with several exception types (invalid configuration, XML or YAML parsing).
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
          .orElse("");
      throw new ConfigException(ConfigKeys.CLUSTER_CONFIG_FILE.name(), "'" + file + "' is not a Hazelcast"
          + " configuration: " + reason, e);
    }
  }
}
