package io.tributary.v1;

import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.ReplicaDescription;
import io.tributary.core.metadata.TopicDescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;

/** The v1 JSON of topics and partitions (reference §2.2–2.3); field names and order as kafka-rest wrote them. */
final class V1TopicJson {
  private V1TopicJson() {}

  /** {@code {"name","configs":{…},"partitions":[…]}}; configs arrive sorted by name and stay so. */
  static JsonObject topic(TopicDescription topic) {
    return new JsonObject()
        .put("name", topic.name())
        .put("configs", new JsonObject(new LinkedHashMap<>(topic.configs())))
        .put("partitions", partitions(topic.partitions()));
  }

  static JsonArray partitions(List<PartitionDescription> partitions) {
    JsonArray out = new JsonArray();
    partitions.forEach(p -> out.add(partition(p)));
    return out;
  }

  /** {@code {"partition","leader","replicas":[{"broker","leader","in_sync"}]}}; leader is -1 when there is none. */
  static JsonObject partition(PartitionDescription partition) {
    JsonArray replicas = new JsonArray();
    partition.replicas().forEach(r -> replicas.add(replica(r)));
    return new JsonObject()
        .put("partition", partition.partition())
        .put("leader", partition.leader())
        .put("replicas", replicas);
  }

  private static JsonObject replica(ReplicaDescription replica) {
    return new JsonObject()
        .put("broker", replica.broker())
        .put("leader", replica.leader())
        .put("in_sync", replica.inSync());
  }
}
