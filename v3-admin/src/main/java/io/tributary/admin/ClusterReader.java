package io.tributary.admin;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.TopicNames;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/** Cluster-wide reads: the brokers, the reachability check, the topic names. */
final class ClusterReader {
  // Readiness probes must answer quickly; an unreachable cluster would otherwise hold them for the admin
  // client's default API timeout (a minute).
  private static final int PING_TIMEOUT_MS = 3_000;

  private final Admin admin;
  private final Context context;

  ClusterReader(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  Future<ClusterBrokers> brokers() {
    return brokers(new DescribeClusterOptions());
  }

  /** The brokers, or 503 "Kafka is not reachable" when the cluster does not answer within a few seconds. */
  Future<ClusterBrokers> ping() {
    return brokers(new DescribeClusterOptions().timeoutMs(PING_TIMEOUT_MS))
        .recover(e -> Future.failedFuture(
            ErrorCode.SERVICE_UNAVAILABLE.toException("Kafka is not reachable: " + e.getMessage())));
  }

  /** All topic names, internal ones included, sorted. */
  Future<TopicNames> topicNames() {
    return KafkaFutures.toFuture(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), context)
        .map(names -> new TopicNames(names.stream().sorted().toList()));
  }

  private Future<ClusterBrokers> brokers(DescribeClusterOptions options) {
    DescribeClusterResult cluster = admin.describeCluster(options);
    Future<String> clusterId = KafkaFutures.toFuture(cluster.clusterId(), context);
    Future<Node> controller = KafkaFutures.toFuture(cluster.controller(), context);
    Future<Collection<Node>> nodes = KafkaFutures.toFuture(cluster.nodes(), context);
    return Future.all(clusterId, controller, nodes).map(all -> new ClusterBrokers(clusterId.result(),
        controller.result() == null ? -1 : controller.result().id(), toRecords(nodes.result())));
  }

  private static List<BrokerDescription> toRecords(Collection<Node> nodes) {
    return nodes.stream()
        .sorted(Comparator.comparingInt(Node::id))
        .map(n -> new BrokerDescription(n.id(), n.host(), n.port(), n.rack()))
        .toList();
  }
}
