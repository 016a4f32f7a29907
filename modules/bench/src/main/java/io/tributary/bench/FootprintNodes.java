package io.tributary.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the footprint measurement keeps its instances: the run's proxy, or, with {@code --footprint-nodes N} above
 * 1, {@code N} clustered nodes started in this JVM ({@link BenchCluster}) or each in a process of its own
 * ({@link NodeProcesses}, {@code --cluster-jvm own}), instance {@code i} created, read and deleted through node
 * {@code i mod N} (its owner, so that every node holds its share and no read is forwarded).
 */
final class FootprintNodes implements AutoCloseable {
  private final ClusterNodes cluster;
  private final List<ProxyCalls> calls = new ArrayList<>();
  private final List<V2Consumers> consumers = new ArrayList<>();

  private FootprintNodes(BenchEnvironment env, ClusterNodes cluster) {
    this.cluster = cluster;
    int connections = env.options().connections();
    List<URI> uris = new ArrayList<>();
    if (cluster == null) {
      uris.add(env.proxyUri());
    } else {
      uris.addAll(cluster.nodes());
    }
    for (URI uri : uris) {
      ProxyCalls nodeCalls = new ProxyCalls(env.clientVertx(), uri, connections);
      calls.add(nodeCalls);
      consumers.add(new V2Consumers(nodeCalls));
    }
  }

  static FootprintNodes open(BenchEnvironment env) {
    int nodes = env.options().footprintNodes();
    if (nodes <= 1) {
      return new FootprintNodes(env, null);
    }
    return new FootprintNodes(env, env.options().nodesInOwnJvms() ? NodeProcesses.start(env, nodes)
        : BenchCluster.start(env, nodes));
  }

  /** The calls of instance {@code i}, through its node. */
  V2Consumers of(long i) {
    return consumers.get((int) (i % consumers.size()));
  }

  int count() {
    return consumers.size();
  }

  boolean clustered() {
    return cluster != null;
  }

  /** The nodes, when {@link #clustered()}. */
  ClusterNodes cluster() {
    return cluster;
  }

  @Override
  public void close() {
    calls.forEach(ProxyCalls::close);
    if (cluster != null) {
      cluster.close();
    }
  }
}
