package io.tributary.admin;

import io.tributary.core.admin.AssignedPartition;
import io.tributary.core.admin.ConsumerGroupDetails;
import io.tributary.core.admin.ConsumerGroups;
import io.tributary.core.admin.GroupMember;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaErrors;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Kafka's consumer groups: every group of the cluster, or one group with its members and their assignments. */
final class ConsumerGroupReader {
  private final Admin admin;
  private final Context context;

  ConsumerGroupReader(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  Future<ConsumerGroups> list() {
    return KafkaFutures.toFuture(admin.listConsumerGroups().valid(), context).compose(listings -> {
      List<String> ids = listings.stream().map(ConsumerGroupListing::groupId).sorted().toList();
      if (ids.isEmpty()) {
        return Future.succeededFuture(new ConsumerGroups(List.of()));
      }
      var described = admin.describeConsumerGroups(ids).describedGroups();
      List<Future<ConsumerGroupDetails>> each = ids.stream().map(id -> describeOrNull(described.get(id))).toList();
      return Future.all(each).map(all -> new ConsumerGroups(each.stream().map(Future::result)
          .filter(Objects::nonNull).toList()));
    });
  }

  /** One group; 404 when Kafka does not know it. */
  Future<ConsumerGroupDetails> describe(String groupId) {
    var described = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId);
    return describeOrNull(described).compose(group -> group != null
        ? Future.succeededFuture(group)
        : Future.failedFuture(ErrorCode.NOT_FOUND.toException("Consumer group " + groupId + " cannot be found.")));
  }

  // A group that vanished, or that the proxy may not describe, is "not there" rather than an error, so that one
  // such group does not fail a whole listing.
  private Future<ConsumerGroupDetails> describeOrNull(KafkaFuture<ConsumerGroupDescription> future) {
    return Future.<ConsumerGroupDescription>fromCompletionStage(future.toCompletionStage(), context)
        .map(ConsumerGroupReader::toRecordOrNull)
        .recover(e -> {
          Throwable cause = KafkaErrors.unwrap(e);
          return cause instanceof GroupIdNotFoundException || cause instanceof GroupAuthorizationException
              ? Future.succeededFuture(null)
              : Future.failedFuture(KafkaErrors.translate(e));
        });
  }

  // For a group id it has never seen, Kafka's classic coordinator answers with a placeholder: a "simple" group
  // (no protocol type) in state DEAD.
  private static ConsumerGroupDetails toRecordOrNull(ConsumerGroupDescription d) {
    if (d.isSimpleConsumerGroup() && d.state() == ConsumerGroupState.DEAD) {
      return null;
    }
    List<GroupMember> members = d.members().stream()
        .map(ConsumerGroupReader::toRecord)
        .sorted(Comparator.comparing(GroupMember::consumerId))
        .toList();
    return new ConsumerGroupDetails(d.groupId(), d.isSimpleConsumerGroup(), d.partitionAssignor(),
        d.state().name(), d.type().name(), d.coordinator() == null ? -1 : d.coordinator().id(), members);
  }

  private static GroupMember toRecord(MemberDescription m) {
    return new GroupMember(m.consumerId(), m.groupInstanceId().orElse(null), m.clientId(), m.host(),
        assignments(m.assignment().topicPartitions()));
  }

  private static List<AssignedPartition> assignments(Collection<TopicPartition> partitions) {
    return partitions.stream()
        .map(tp -> new AssignedPartition(tp.topic(), tp.partition()))
        .sorted(Comparator.comparing(AssignedPartition::topic).thenComparingInt(AssignedPartition::partition))
        .toList();
  }
}
