package io.tributary.admin.v3;

import io.tributary.core.admin.ConsumerLag;
import io.tributary.core.admin.ConsumerLags;
import io.vertx.core.json.JsonObject;

/** KafkaConsumerLag and KafkaConsumerGroupLagSummary resources. */
final class LagJson {
  private LagJson() {}

  static JsonObject lag(V3Links links, String groupId, ConsumerLag l) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaConsumerLag")
        .put("metadata", V3Links.metadata(links.url("consumer-groups", groupId, "lags", l.topic(), "partitions",
            l.partition()), links.crn("consumer-group", groupId, "lag", l.topic(), "partition", l.partition())))
        .put("cluster_id", links.clusterId())
        .put("consumer_group_id", groupId)
        .put("topic_name", l.topic())
        .put("partition_id", l.partition())
        .put("current_offset", l.currentOffset())
        .put("log_end_offset", l.logEndOffset())
        .put("lag", l.lag())
        .put("consumer_id", l.consumerId());
    if (l.instanceId() != null) {
      json.put("instance_id", l.instanceId());
    }
    return json.put("client_id", l.clientId());
  }

  /** The summary; {@code lags} is never empty here (the engine answers 404 for a group without offsets). */
  static JsonObject summary(V3Links links, ConsumerLags lags) {
    String groupId = lags.groupId();
    ConsumerLag max = lags.maxLag().orElseThrow();
    JsonObject json = new JsonObject()
        .put("kind", "KafkaConsumerGroupLagSummary")
        .put("metadata", V3Links.metadata(links.url("consumer-groups", groupId, "lag-summary"),
            links.crn("consumer-group", groupId, "lag-summary")))
        .put("cluster_id", links.clusterId())
        .put("consumer_group_id", groupId)
        .put("max_lag_consumer_id", max.consumerId());
    if (max.instanceId() != null) {
      json.put("max_lag_instance_id", max.instanceId());
    }
    return json
        .put("max_lag_client_id", max.clientId())
        .put("max_lag_topic_name", max.topic())
        .put("max_lag_partition_id", max.partition())
        .put("max_lag", max.lag())
        .put("total_lag", lags.totalLag())
        .put("max_lag_consumer", V3Links.related(links.url("consumer-groups", groupId, "consumers",
            max.consumerId())))
        .put("max_lag_partition", V3Links.related(links.url("topics", max.topic(), "partitions",
            max.partition())));
  }
}
