package io.tributary.admin.v2;

import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.ReplicaDescription;
import io.tributary.core.metadata.TopicDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The v2 JSON of topics and partitions (reference §3.2): the same shape as v1's, field names and order as
 * kafka-rest wrote them. A twin of legacy-v1's renderer by design: API modules never depend on each other.
 */
final class V2TopicJson {
  private V2TopicJson() {}

  /** {@code {"name","configs":{…},"partitions":[…]}}; configs arrive sorted by name and stay so. */
  static JsonObject topic(TopicDescription topic) {
    return new JsonObject()
        .put("name", topic.name())
        .put("configs", new JsonObject(new LinkedHashMap<>(topic.configs())))
        .put("partitions", partitions(topic.partitions()));
  }

  static JsonArray partitions(List<PartitionDescription> partitions) {
    return new JsonArray(partitions.stream().map(V2TopicJson::partition).toList());
  }

  /** {@code {"partition","leader","replicas":[{"broker","leader","in_sync"}]}}; leader is -1 when there is none. */
  static JsonObject partition(PartitionDescription partition) {
    return new JsonObject()
        .put("partition", partition.partition())
        .put("leader", partition.leader())
        .put("replicas", new JsonArray(partition.replicas().stream().map(V2TopicJson::replica).toList()));
  }

  private static JsonObject replica(ReplicaDescription replica) {
    return new JsonObject()
        .put("broker", replica.broker())
        .put("leader", replica.leader())
        .put("in_sync", replica.inSync());
  }
}
