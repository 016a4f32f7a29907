package io.tributary.admin.v3;

import io.tributary.core.metadata.BrokerDescription;
import io.tributary.core.metadata.ClusterBrokers;
import io.vertx.core.json.JsonObject;

/** KafkaCluster and KafkaBroker resources. */
final class ClusterJson {
  private ClusterJson() {}

  static JsonObject cluster(V3Links links, ClusterBrokers cluster) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaCluster")
        .put("metadata", V3Links.metadata(links.url(), links.crn()))
        .put("cluster_id", links.clusterId());
    if (cluster.controller() >= 0) {
      json.put("controller", V3Links.related(links.url("brokers", cluster.controller())));
    }
    return json
        .put("acls", V3Links.related(links.url("acls")))
        .put("brokers", V3Links.related(links.url("brokers")))
        .put("broker_configs", V3Links.related(links.url("broker-configs")))
        .put("consumer_groups", V3Links.related(links.url("consumer-groups")))
        .put("topics", V3Links.related(links.url("topics")))
        .put("partition_reassignments", V3Links.related(links.url("topics", "-", "partitions", "-",
            "reassignment")));
  }

  static JsonObject broker(V3Links links, BrokerDescription broker) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaBroker")
        .put("metadata", V3Links.metadata(links.url("brokers", broker.id()), links.crn("broker", broker.id())))
        .put("cluster_id", links.clusterId())
        .put("broker_id", broker.id())
        .put("host", broker.host())
        .put("port", broker.port());
    if (broker.rack() != null) {
      json.put("rack", broker.rack());
    }
    return json
        .put("configs", V3Links.related(links.url("brokers", broker.id(), "configs")))
        .put("partition_replicas", V3Links.related(links.url("brokers", broker.id(), "partition-replicas")));
  }
}
