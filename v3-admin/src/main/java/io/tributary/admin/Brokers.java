package io.tributary.admin;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.BrokerDescription;
import io.vertx.core.Future;

/**
 * Checks that a broker id names a broker of the cluster. Why: the admin client sends a broker-scoped request to that
 * very broker, and for an id it does not know it waits for its whole API timeout instead of failing.
 */
final class Brokers {
  private final ClusterReader cluster;

  Brokers(ClusterReader cluster) {
    this.cluster = cluster;
  }

  /** The broker, or 404 "Broker N cannot be found.". */
  Future<BrokerDescription> require(int brokerId) {
    return cluster.brokers().compose(c -> c.brokers().stream().filter(b -> b.id() == brokerId).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(
            ErrorCode.NOT_FOUND.toException("Broker " + brokerId + " cannot be found."))));
  }
}
