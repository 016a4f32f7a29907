package io.tributary.admin.v3;

import io.tributary.core.admin.AssignedPartition;
import io.tributary.core.admin.ConsumerGroupDetails;
import io.tributary.core.admin.DescribeConsumerGroup;
import io.tributary.core.admin.GroupMember;
import io.tributary.core.admin.ListConsumerGroups;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;

/** Kafka's consumer groups (read-only), their members ("consumers") and the members' partition assignments. */
final class ConsumerGroupRoutes {
  private static final String GROUPS = "/clusters/:cluster/consumer-groups";
  private static final String CONSUMER = GROUPS + "/:group/consumers/:consumer";

  void mount(V3Router r) {
    r.get(GROUPS, Guard.CLUSTER_ADMIN, this::groups);
    r.get(GROUPS + "/:group", Guard.CLUSTER_ADMIN, this::group);
    r.get(GROUPS + "/:group/consumers", Guard.CLUSTER_ADMIN, this::consumers);
    r.get(CONSUMER, Guard.CLUSTER_ADMIN, this::consumer);
    r.get(CONSUMER + "/assignments", Guard.CLUSTER_ADMIN, this::assignments);
    r.get(CONSUMER + "/assignments/:topic/partitions/:partition", Guard.CLUSTER_ADMIN, this::assignment);
  }

  private Future<ConsumerGroupDetails> describe(V3Call call) {
    return call.request(AdminOps.GROUP_DESCRIBE, new DescribeConsumerGroup(call.path("group")));
  }

  private Future<GroupMember> member(V3Call call) {
    String consumer = call.path("consumer");
    return describe(call).map(g -> g.member(consumer).orElseThrow(() -> ErrorCode.NOT_FOUND.toException(
        "Consumer " + consumer + " cannot be found in consumer group " + g.groupId() + ".")));
  }

  private Future<V3Reply> groups(V3Call call) {
    return call.request(AdminOps.GROUPS_LIST, new ListConsumerGroups())
        .map(all -> V3Reply.ok(CollectionJson.of("KafkaConsumerGroupList", call.links().url("consumer-groups"),
            all.groups().stream().map(g -> ConsumerGroupJson.group(call.links(), g)).toList())));
  }

  private Future<V3Reply> group(V3Call call) {
    return describe(call).map(g -> V3Reply.ok(ConsumerGroupJson.group(call.links(), g)));
  }

  private Future<V3Reply> consumers(V3Call call) {
    return describe(call).map(g -> V3Reply.ok(CollectionJson.of("KafkaConsumerList",
        call.links().url("consumer-groups", g.groupId(), "consumers"),
        g.members().stream().map(m -> ConsumerGroupJson.consumer(call.links(), g.groupId(), m)).toList())));
  }

  private Future<V3Reply> consumer(V3Call call) {
    return member(call).map(m -> V3Reply.ok(ConsumerGroupJson.consumer(call.links(), call.path("group"), m)));
  }

  private Future<V3Reply> assignments(V3Call call) {
    String group = call.path("group");
    return member(call).map(m -> V3Reply.ok(CollectionJson.of("KafkaConsumerAssignmentList",
        call.links().url("consumer-groups", group, "consumers", m.consumerId(), "assignments"),
        m.assignments().stream()
            .map(a -> ConsumerGroupJson.assignment(call.links(), group, m.consumerId(), a))
            .toList())));
  }

  private Future<V3Reply> assignment(V3Call call) {
    String group = call.path("group");
    AssignedPartition wanted = new AssignedPartition(call.path("topic"), call.partition());
    return member(call).map(m -> m.assignments().stream().filter(wanted::equals).findFirst()
        .map(a -> V3Reply.ok(ConsumerGroupJson.assignment(call.links(), group, m.consumerId(), a)))
        .orElseThrow(() -> ErrorCode.NOT_FOUND.toException("Partition " + wanted.partition() + " of topic "
            + wanted.topic() + " is not assigned to consumer " + m.consumerId() + ".")));
  }
}
