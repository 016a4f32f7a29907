package io.tributary.admin;

import io.tributary.core.admin.ClusterId;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.apache.kafka.clients.admin.Admin;

/**
 * The cluster's id, asked of Kafka once and then remembered: every v3 request checks its {@code cluster_id} against
 * it, and a cluster's id never changes. A failed look-up is not remembered, so the next request asks again.
 */
final class ClusterIdentity {
  private final Admin admin;
  private final Context context;
  private Future<String> id;

  ClusterIdentity(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  /** Runs on the engine's context only, so the field needs no synchronisation. */
  Future<ClusterId> id() {
    if (id == null || id.failed()) {
      id = KafkaFutures.toFuture(admin.describeCluster().clusterId(), context);
    }
    return id.map(ClusterId::new);
  }
}
