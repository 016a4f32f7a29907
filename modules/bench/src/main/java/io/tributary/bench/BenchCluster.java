package io.tributary.bench;

import io.tributary.core.config.TributaryConfig;
import io.tributary.server.TributaryServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several Tributary nodes of one cluster (issue 14) started in the harness's JVM on the loopback address, each with
 * its own HTTP, registry and Hazelcast ports and the others as {@code cluster.members}, against the run's Kafka
 * cluster (cluster mode needs {@code bootstrap.servers}; the embedded broker of the run is one). The cluster name is
 * unique per run, so that nodes of another run on this machine never join. Closing stops every node.
 */
final class BenchCluster implements ClusterNodes {
  private static final Logger LOG = LoggerFactory.getLogger(BenchCluster.class);
  private static final long FORMING_SECONDS = 120;

  private final List<TributaryServer> servers = new ArrayList<>();
  private final List<URI> uris = new ArrayList<>();

  private BenchCluster() {}

  /** Starts {@code nodes} clustered nodes and waits until each one's {@code /health/ready} counts all of them. */
  static BenchCluster start(BenchEnvironment env, int nodes) {
    BenchCluster cluster = new BenchCluster();
    try {
      for (Map<String, String> config : configs(env, nodes)) {
        cluster.servers.add(TributaryServer.start(new TributaryConfig(config)));
        cluster.uris.add(URI.create(config.get("listeners")));
      }
      awaitMembers(env, cluster.uris, nodes);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * The settings of {@code nodes} nodes of one cluster on the loopback address: each with its own HTTP, registry
   * and Hazelcast ports, the others as its members, the run's Kafka cluster, and the consume scenario's tuning.
   */
  static List<Map<String, String>> configs(BenchEnvironment env, int nodes) {
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      clusterPorts.add(BenchEnvironment.freePort());
    }
    String name = "tributary-bench-" + UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, String>> configs = new ArrayList<>();
    for (int own : clusterPorts) {
      Map<String, String> config = new HashMap<>();
      config.put("bootstrap.servers", env.bootstrap());
      config.put("listeners", "http://127.0.0.1:" + BenchEnvironment.freePort());
      config.put("embedded.schema.registry.listener", "http://127.0.0.1:" + BenchEnvironment.freePort());
      config.put("cluster.name", name);
      config.put("cluster.host", "127.0.0.1");
      config.put("cluster.port", String.valueOf(own));
      config.put("cluster.members", clusterPorts.stream().filter(p -> p != own).map(p -> "127.0.0.1:" + p)
          .collect(Collectors.joining(",")));
      ConsumerTuning.kafkaProperties().forEach((key, value) -> config.put("consumer." + key, value));
      BenchEnvironment.addExperimentSettings(config);
      configs.add(config);
    }
    return configs;
  }

  @Override
  public List<URI> nodes() {
    return uris;
  }

  @Override
  public OptionalLong heapAfterGc(int i) {
    return OptionalLong.empty();
  }

  @Override
  public String where() {
    return "in this JVM";
  }

  /** Waits until each node's {@code /health/ready} counts {@code members} members. */
  static void awaitMembers(BenchEnvironment env, List<URI> uris, int members) {
    long deadline = System.nanoTime() + FORMING_SECONDS * 1_000_000_000L;
    for (URI uri : uris) {
      try (ProxyCalls calls = new ProxyCalls(env.clientVertx(), uri, 1)) {
        while (true) {
          String answer;
          try {
            ProxyCalls.Reply reply = Awaits.await(calls.send(HttpMethod.GET, "/health/ready", null, null, null), 30);
            JsonObject cluster = reply.status() == 200 ? new JsonObject(reply.body()).getJsonObject("cluster") : null;
            if (cluster != null && cluster.getInteger("members", 0) == members) {
              break;
            }
            answer = "answered " + reply.status() + " " + reply.body();
          } catch (Exception notListening) {
            // A node in a process of its own listens only once it started.
            answer = "failed: " + notListening.getMessage();
          }
          if (System.nanoTime() - deadline > 0) {
            throw new BenchFailure("the " + members + " cluster nodes did not see each other within "
                + FORMING_SECONDS + " s: " + uri + " " + answer);
          }
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    // The last node first: each departure is a membership change the others handle, no take-over is needed.
    for (int i = servers.size() - 1; i >= 0; i--) {
      try {
        servers.get(i).stop();
      } catch (RuntimeException e) {
        LOG.warn("Stopping cluster node {} failed: {}", i, e.toString());
      }
    }
    servers.clear();
  }
}
