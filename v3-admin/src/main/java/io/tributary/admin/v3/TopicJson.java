package io.tributary.admin.v3;

import io.tributary.core.admin.TopicDetails;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** KafkaTopic resources. */
final class TopicJson {
  private TopicJson() {}

  static JsonObject topic(V3Links links, TopicDetails topic) {
    return topic(links, topic.name(), topic.internal(), topic.replicationFactor(), topic.partitions().size(),
        topic.authorizedOperations());
  }

  static JsonObject topic(V3Links links, String name, boolean internal, int replicationFactor, int partitions,
      List<String> authorizedOperations) {
    return new JsonObject()
        .put("kind", "KafkaTopic")
        .put("metadata", V3Links.metadata(self(links, name), links.crn("topic", name)))
        .put("cluster_id", links.clusterId())
        .put("topic_name", name)
        .put("is_internal", internal)
        .put("replication_factor", replicationFactor)
        .put("partitions_count", partitions)
        .put("partitions", V3Links.related(links.url("topics", name, "partitions")))
        .put("configs", V3Links.related(links.url("topics", name, "configs")))
        .put("partition_reassignments", V3Links.related(links.url("topics", name, "partitions", "-",
            "reassignment")))
        .put("authorized_operations", new JsonArray(List.copyOf(authorizedOperations)));
  }

  static String self(V3Links links, String name) {
    return links.url("topics", name);
  }
}
