package io.tributary.produce.v3;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.Ping;
import io.tributary.http.Bus;
import io.vertx.core.Future;

/**
 * The Kafka cluster's id for v3 produce receipts, asked of the admin engine once and then remembered. Produce
 * does not validate the {@code cluster_id} of its path (kafka-rest did not either), but its receipts name the real
 * cluster. While the admin engine cannot answer, the path's id stands in and the next stream asks again.
 *
 * <p>Confined to one HTTP verticle's event loop.
 */
final class ClusterIds {
  private final Bus bus;
  private Future<String> lookup;

  ClusterIds(Bus bus) {
    this.bus = bus;
  }

  Future<String> get(String pathClusterId) {
    if (lookup == null || lookup.failed()) {
      lookup = bus.request(AdminOps.PING, new Ping()).map(ClusterBrokers::clusterId);
    }
    return lookup.otherwise(pathClusterId);
  }
}
