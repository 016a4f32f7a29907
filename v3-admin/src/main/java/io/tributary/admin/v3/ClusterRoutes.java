package io.tributary.admin.v3;

import io.tributary.core.admin.ListBrokerReplicas;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.ListBrokers;
import io.vertx.core.Future;
import java.util.List;

/** Clusters, brokers and the replicas a broker hosts. */
final class ClusterRoutes {
  private static final String CLUSTER = "/clusters/:cluster";

  void mount(V3Router r) {
    r.get("/clusters", Guard.CLUSTER_ADMIN, this::clusters);
    r.get(CLUSTER, Guard.CLUSTER_ADMIN, this::cluster);
    r.get(CLUSTER + "/brokers", Guard.CLUSTER_ADMIN, this::brokers);
    r.get(CLUSTER + "/brokers/:broker", Guard.CLUSTER_ADMIN, this::broker);
    r.get(CLUSTER + "/brokers/:broker/partition-replicas", Guard.CLUSTER_ADMIN, this::replicas);
  }

  private Future<ClusterBrokers> describe(V3Call call) {
    return call.request(AdminOps.BROKERS_LIST, new ListBrokers());
  }

  private Future<V3Reply> clusters(V3Call call) {
    return describe(call).map(c -> V3Reply.ok(CollectionJson.of("KafkaClusterList", call.links().clustersUrl(),
        List.of(ClusterJson.cluster(call.links(), c)))));
  }

  private Future<V3Reply> cluster(V3Call call) {
    return describe(call).map(c -> V3Reply.ok(ClusterJson.cluster(call.links(), c)));
  }

  private Future<V3Reply> brokers(V3Call call) {
    return describe(call).map(c -> V3Reply.ok(CollectionJson.of("KafkaBrokerList", call.links().url("brokers"),
        c.brokers().stream().map(b -> ClusterJson.broker(call.links(), b)).toList())));
  }

  private Future<V3Reply> broker(V3Call call) {
    int id = call.broker();
    return describe(call).map(c -> c.brokers().stream().filter(b -> b.id() == id).findFirst()
        .map(b -> V3Reply.ok(ClusterJson.broker(call.links(), b)))
        .orElseThrow(() -> ErrorCode.NOT_FOUND.toException("Broker " + id + " cannot be found.")));
  }

  private Future<V3Reply> replicas(V3Call call) {
    int id = call.broker();
    return call.request(AdminOps.BROKER_REPLICAS, new ListBrokerReplicas(id))
        .map(hosted -> V3Reply.ok(CollectionJson.of("KafkaReplicaList",
            call.links().url("brokers", id, "partition-replicas"),
            hosted.replicas().stream()
                .filter(r -> call.principal().maySee(r.topic()))
                .map(r -> PartitionJson.replica(call.links(), r.topic(), r.partition(), r.replica()))
                .toList())));
  }
}
