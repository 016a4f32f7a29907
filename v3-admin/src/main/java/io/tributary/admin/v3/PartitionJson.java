package io.tributary.admin.v3;

import io.tributary.core.admin.Reassignment;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.PartitionOffsets;
import io.tributary.core.metadata.ReplicaDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** KafkaPartition, KafkaPartitionWithOffsets, KafkaReplica and KafkaReassignment resources. */
final class PartitionJson {
  static final String OFFSET_TYPE = "earliest_and_latest";

  private PartitionJson() {}

  static JsonObject partition(V3Links links, String topic, PartitionDescription p) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaPartition")
        .put("metadata", V3Links.metadata(links.url("topics", topic, "partitions", p.partition()),
            links.crn("topic", topic, "partition", p.partition())))
        .put("cluster_id", links.clusterId())
        .put("topic_name", topic)
        .put("partition_id", p.partition());
    if (p.leader() >= 0) {
      json.put("leader", V3Links.related(links.url("topics", topic, "partitions", p.partition(), "replicas",
          p.leader())));
    }
    return json
        .put("replicas", V3Links.related(links.url("topics", topic, "partitions", p.partition(), "replicas")))
        .put("reassignment", V3Links.related(links.url("topics", topic, "partitions", p.partition(),
            "reassignment")));
  }

  static JsonObject offsets(V3Links links, PartitionOffsets o) {
    return new JsonObject()
        .put("kind", "KafkaPartitionWithOffsets")
        .put("metadata", V3Links.metadata(
            links.urlWithQuery(Map.of("offset_type", OFFSET_TYPE), "topics", o.topic(), "partitions",
                o.partition(), "offset"),
            links.crn("topic", o.topic(), "partition", o.partition(), "offset_type", OFFSET_TYPE)))
        .put("cluster_id", links.clusterId())
        .put("topic_name", o.topic())
        .put("partition_id", o.partition())
        .put("earliest_offset", o.beginning())
        .put("latest_offset", o.end());
  }

  static JsonObject replica(V3Links links, String topic, int partition, ReplicaDescription r) {
    return new JsonObject()
        .put("kind", "KafkaReplica")
        .put("metadata", V3Links.metadata(links.url("topics", topic, "partitions", partition, "replicas",
            r.broker()), links.crn("topic", topic, "partition", partition, "replica", r.broker())))
        .put("cluster_id", links.clusterId())
        .put("topic_name", topic)
        .put("partition_id", partition)
        .put("broker_id", r.broker())
        .put("is_leader", r.leader())
        .put("is_in_sync", r.inSync())
        .put("broker", V3Links.related(links.url("brokers", r.broker())));
  }

  /**
   * {@code inList}: kafka-rest's list endpoints name each reassignment {@code …/partition=P/reassignments} while the
   * single-partition endpoint says {@code …/reassignment}; the reference asks for the original's wire behaviour.
   */
  static JsonObject reassignment(V3Links links, Reassignment r, boolean inList) {
    return new JsonObject()
        .put("kind", "KafkaReassignment")
        .put("metadata", V3Links.metadata(links.url("topics", r.topic(), "partitions", r.partition(),
            "reassignment"), links.crn("topic", r.topic(), "partition", r.partition(),
            inList ? "reassignments" : "reassignment")))
        .put("cluster_id", links.clusterId())
        .put("topic_name", r.topic())
        .put("partition_id", r.partition())
        .put("adding_replicas", new JsonArray(r.adding()))
        .put("removing_replicas", new JsonArray(r.removing()))
        .put("replicas", V3Links.related(links.url("topics", r.topic(), "partitions", r.partition(), "replicas")));
  }
}
