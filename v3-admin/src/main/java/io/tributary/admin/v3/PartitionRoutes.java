package io.tributary.admin.v3;

import io.tributary.core.admin.ListReassignments;
import io.tributary.core.admin.Reassignments;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.TopicDescription;
import io.vertx.core.Future;

/** Partitions, a partition's earliest/latest offsets, replicas and ongoing reassignments. */
final class PartitionRoutes {
  private static final String PARTITIONS = "/clusters/:cluster/topics/:topic/partitions";
  private static final String PARTITION = PARTITIONS + "/:partition";

  void mount(V3Router r) {
    Guard topic = Guard.topicAdmin("topic");
    // The "-" paths first, so that "-" is not taken for a topic name or a partition id.
    r.get("/clusters/:cluster/topics/-/partitions/-/reassignment", Guard.CLUSTER_ADMIN, this::allReassignments);
    r.get(PARTITIONS + "/-/reassignment", topic, this::topicReassignments);
    r.get(PARTITIONS, topic, this::partitions);
    r.get(PARTITION, topic, this::partition);
    r.get(PARTITION + "/offset", topic, this::offsets);
    r.get(PARTITION + "/replicas", topic, this::replicas);
    r.get(PARTITION + "/replicas/:broker", topic, this::replica);
    r.get(PARTITION + "/reassignment", topic, this::reassignment);
  }

  private Future<TopicDescription> describe(V3Call call) {
    return call.request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(call.path("topic"), false));
  }

  private Future<PartitionDescription> partition(V3Call call, int id) {
    return describe(call).map(t -> t.partition(id).orElseThrow(V3Errors::partitionNotFound));
  }

  private Future<V3Reply> partitions(V3Call call) {
    String topic = call.path("topic");
    return describe(call).map(t -> V3Reply.ok(CollectionJson.of("KafkaPartitionList",
        call.links().url("topics", topic, "partitions"),
        t.partitions().stream().map(p -> PartitionJson.partition(call.links(), topic, p)).toList())));
  }

  private Future<V3Reply> partition(V3Call call) {
    return partition(call, call.partition())
        .map(p -> V3Reply.ok(PartitionJson.partition(call.links(), call.path("topic"), p)));
  }

  private Future<V3Reply> offsets(V3Call call) {
    String type = call.query("offset_type");
    if (type != null && !type.equals(PartitionJson.OFFSET_TYPE)) {
      throw ErrorCode.BAD_REQUEST.toException("offset_type:" + type + " is invalid");
    }
    return call.request(AdminOps.PARTITION_OFFSETS,
            new GetPartitionOffsets(call.path("topic"), call.partition()))
        .map(o -> V3Reply.ok(PartitionJson.offsets(call.links(), o)));
  }

  private Future<V3Reply> replicas(V3Call call) {
    String topic = call.path("topic");
    int id = call.partition();
    return partition(call, id).map(p -> V3Reply.ok(CollectionJson.of("KafkaReplicaList",
        call.links().url("topics", topic, "partitions", id, "replicas"),
        p.replicas().stream().map(r -> PartitionJson.replica(call.links(), topic, id, r)).toList())));
  }

  private Future<V3Reply> replica(V3Call call) {
    String topic = call.path("topic");
    int id = call.partition();
    int broker = call.broker();
    return partition(call, id).map(p -> p.replicas().stream().filter(r -> r.broker() == broker).findFirst()
        .map(r -> V3Reply.ok(PartitionJson.replica(call.links(), topic, id, r)))
        .orElseThrow(() -> ErrorCode.NOT_FOUND.toException("Broker " + broker + " holds no replica of partition "
            + id + " of topic " + topic + ".")));
  }

  private Future<Reassignments> reassignments(V3Call call, String topic) {
    return call.request(AdminOps.REASSIGNMENTS_LIST, new ListReassignments(topic));
  }

  private Future<V3Reply> allReassignments(V3Call call) {
    return reassignments(call, null).map(all -> V3Reply.ok(CollectionJson.of("KafkaReassignmentList",
        call.links().url("topics", "-", "partitions", "-", "reassignment"),
        all.reassignments().stream()
            .filter(r -> call.principal().maySee(r.topic()))
            .map(r -> PartitionJson.reassignment(call.links(), r, true))
            .toList())));
  }

  private Future<V3Reply> topicReassignments(V3Call call) {
    String topic = call.path("topic");
    return reassignments(call, topic).map(all -> V3Reply.ok(CollectionJson.of("KafkaReassignmentList",
        call.links().url("topics", topic, "partitions", "-", "reassignment"),
        all.reassignments().stream().map(r -> PartitionJson.reassignment(call.links(), r, true)).toList())));
  }

  private Future<V3Reply> reassignment(V3Call call) {
    String topic = call.path("topic");
    int id = call.partition();
    return partition(call, id).compose(p -> reassignments(call, topic)).map(all -> all.reassignments().stream()
        .filter(r -> r.partition() == id)
        .findFirst()
        .map(r -> V3Reply.ok(PartitionJson.reassignment(call.links(), r, false)))
        .orElseThrow(() -> ErrorCode.NOT_FOUND.toException("Partition " + id + " of topic " + topic
            + " is not being reassigned.")));
  }
}
