package io.tributary.admin;

import io.tributary.core.admin.BrokerReplicas;
import io.tributary.core.admin.TopicReplica;
import io.vertx.core.Future;
import java.util.List;

/** The replicas one broker hosts, across all topics. */
final class BrokerReplicasReader {
  private final Brokers brokers;
  private final TopicDetailsReader topics;

  BrokerReplicasReader(Brokers brokers, TopicDetailsReader topics) {
    this.brokers = brokers;
    this.topics = topics;
  }

  Future<BrokerReplicas> replicas(int brokerId) {
    return brokers.require(brokerId).compose(b -> topics.all(false)).map(all -> {
      List<TopicReplica> hosted = all.topics().stream()
          .flatMap(t -> t.partitions().stream().flatMap(p -> p.replicas().stream()
              .filter(r -> r.broker() == brokerId)
              .map(r -> new TopicReplica(t.name(), p.partition(), r))))
          .toList();
      return new BrokerReplicas(hosted);
    });
  }
}
