package io.tributary.admin;

import io.tributary.core.admin.AssignedPartition;
import io.tributary.core.admin.ConsumerGroupDetails;
import io.tributary.core.admin.ConsumerLag;
import io.tributary.core.admin.ConsumerLags;
import io.tributary.core.admin.GroupMember;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A group's lag per partition: its committed offset against the partition's end, with the member the partition is
 * assigned to. Ends are read with read_committed isolation, as a transactional consumer of the group would see them.
 */
final class ConsumerLagReader {
  private final Admin admin;
  private final Context context;
  private final ConsumerGroupReader groups;

  ConsumerLagReader(Admin admin, Context context, ConsumerGroupReader groups) {
    this.admin = admin;
    this.context = context;
    this.groups = groups;
  }

  Future<ConsumerLags> lags(String groupId) {
    return groups.describe(groupId).compose(group -> KafkaFutures.toFuture(
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), context)
        .compose(committed -> {
          Map<TopicPartition, Long> offsets = new HashMap<>();
          committed.forEach((tp, meta) -> {
            if (meta != null) {
              offsets.put(tp, meta.offset());
            }
          });
          if (offsets.isEmpty()) {
            return Future.failedFuture(ErrorCode.NOT_FOUND.toException(
                "Consumer group " + groupId + " has no committed offsets."));
          }
          return ends(offsets.keySet()).map(ends -> new ConsumerLags(groupId, toRecords(group, offsets, ends)));
        }));
  }

  // Per partition, so that a partition whose end cannot be read (its topic was deleted since the commit) is left
  // out rather than failing the whole answer.
  private Future<Map<TopicPartition, Long>> ends(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
    ListOffsetsResult result = admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
    Map<TopicPartition, Future<Long>> each = new HashMap<>();
    partitions.forEach(tp -> each.put(tp, KafkaFutures.toFuture(result.partitionResult(tp), context)
        .map(ListOffsetsResult.ListOffsetsResultInfo::offset)
        .recover(e -> Future.succeededFuture(null))));
    return Future.all(new ArrayList<>(each.values())).map(all -> {
      Map<TopicPartition, Long> ends = new HashMap<>();
      each.forEach((tp, f) -> {
        if (f.result() != null) {
          ends.put(tp, f.result());
        }
      });
      return ends;
    });
  }

  private static List<ConsumerLag> toRecords(ConsumerGroupDetails group, Map<TopicPartition, Long> committed,
      Map<TopicPartition, Long> ends) {
    Map<TopicPartition, GroupMember> owners = new HashMap<>();
    for (GroupMember m : group.members()) {
      for (AssignedPartition a : m.assignments()) {
        owners.put(new TopicPartition(a.topic(), a.partition()), m);
      }
    }
    return committed.entrySet().stream()
        .filter(e -> ends.containsKey(e.getKey()))
        .map(e -> {
          TopicPartition tp = e.getKey();
          GroupMember owner = owners.get(tp);
          return new ConsumerLag(tp.topic(), tp.partition(), e.getValue(), ends.get(tp),
              owner == null ? "" : owner.consumerId(), owner == null ? null : owner.instanceId(),
              owner == null ? "" : owner.clientId());
        })
        .sorted(Comparator.comparing(ConsumerLag::topic).thenComparingInt(ConsumerLag::partition))
        .toList();
  }
}
