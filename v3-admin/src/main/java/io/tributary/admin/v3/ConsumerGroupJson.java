package io.tributary.admin.v3;

import io.tributary.core.admin.AssignedPartition;
import io.tributary.core.admin.ConsumerGroupDetails;
import io.tributary.core.admin.GroupMember;
import io.vertx.core.json.JsonObject;

/** KafkaConsumerGroup, KafkaConsumer and KafkaConsumerAssignment resources. */
final class ConsumerGroupJson {
  private ConsumerGroupJson() {}

  static JsonObject group(V3Links links, ConsumerGroupDetails g) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaConsumerGroup")
        .put("metadata", V3Links.metadata(links.url("consumer-groups", g.groupId()),
            links.crn("consumer-group", g.groupId())))
        .put("cluster_id", links.clusterId())
        .put("consumer_group_id", g.groupId())
        .put("is_simple", g.simple())
        .put("partition_assignor", g.partitionAssignor())
        .put("state", g.state())
        .put("type", g.type())
        // Kafka 3.9's admin client cannot tell whether members use different protocols; only CONSUMER-type groups
        // can be mixed at all, and the proxy reports them as not mixed.
        .put("is_mixed_consumer_group", false);
    if (g.coordinator() >= 0) {
      json.put("coordinator", V3Links.related(links.url("brokers", g.coordinator())));
    }
    return json
        .put("consumers", V3Links.related(links.url("consumer-groups", g.groupId(), "consumers")))
        .put("lag_summary", V3Links.related(links.url("consumer-groups", g.groupId(), "lag-summary")));
  }

  static JsonObject consumer(V3Links links, String groupId, GroupMember m) {
    JsonObject json = new JsonObject()
        .put("kind", "KafkaConsumer")
        .put("metadata", V3Links.metadata(links.url("consumer-groups", groupId, "consumers", m.consumerId()),
            links.crn("consumer-group", groupId, "consumer", m.consumerId())))
        .put("cluster_id", links.clusterId())
        .put("consumer_group_id", groupId)
        .put("consumer_id", m.consumerId());
    if (m.instanceId() != null) {
      json.put("instance_id", m.instanceId());
    }
    return json
        .put("client_id", m.clientId())
        .put("assignments", V3Links.related(links.url("consumer-groups", groupId, "consumers", m.consumerId(),
            "assignments")));
  }

  static JsonObject assignment(V3Links links, String groupId, String consumerId, AssignedPartition a) {
    return new JsonObject()
        .put("kind", "KafkaConsumerAssignment")
        .put("metadata", V3Links.metadata(links.url("consumer-groups", groupId, "consumers", consumerId,
            "assignments", a.topic(), "partitions", a.partition()), links.crn("consumer-group", groupId,
            "consumer", consumerId, "assignment", a.topic(), "partition", a.partition())))
        .put("cluster_id", links.clusterId())
        .put("consumer_group_id", groupId)
        .put("consumer_id", consumerId)
        .put("topic_name", a.topic())
        .put("partition_id", a.partition())
        .put("partition", V3Links.related(links.url("topics", a.topic(), "partitions", a.partition())))
        .put("lag", V3Links.related(links.url("consumer-groups", groupId, "lags", a.topic(), "partitions",
            a.partition())));
  }
}
