package io.tributary.admin;

import io.tributary.core.admin.Reassignment;
import io.tributary.core.admin.Reassignments;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;

/** Ongoing partition reassignments, of the whole cluster or of one (existing) topic. */
final class ReassignmentReader {
  private final Admin admin;
  private final Context context;
  private final TopicDetailsReader topics;

  ReassignmentReader(Admin admin, Context context, TopicDetailsReader topics) {
    this.admin = admin;
    this.context = context;
    this.topics = topics;
  }

  Future<Reassignments> list(String topic) {
    Future<?> exists = topic == null ? Future.succeededFuture() : topics.one(topic, false);
    return exists.compose(ok -> KafkaFutures.toFuture(admin.listPartitionReassignments().reassignments(), context))
        .map(all -> new Reassignments(all.entrySet().stream()
            .filter(e -> topic == null || e.getKey().topic().equals(topic))
            .map(ReassignmentReader::toRecord)
            .sorted(Comparator.comparing(Reassignment::topic).thenComparingInt(Reassignment::partition))
            .toList()));
  }

  private static Reassignment toRecord(Map.Entry<TopicPartition, PartitionReassignment> e) {
    PartitionReassignment r = e.getValue();
    return new Reassignment(e.getKey().topic(), e.getKey().partition(), r.replicas(), r.addingReplicas(),
        r.removingReplicas());
  }
}
