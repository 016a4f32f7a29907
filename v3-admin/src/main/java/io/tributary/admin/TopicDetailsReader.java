package io.tributary.admin;

import io.tributary.core.admin.TopicDetails;
import io.tributary.core.admin.TopicDetailsList;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclOperation;

/** Describes topics for the v3 API: partitions, replication factor and, when asked, the authorized operations. */
final class TopicDetailsReader {
  private final Admin admin;
  private final Context context;

  TopicDetailsReader(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  /** One topic; 40401 when it does not exist (or its name could never be a topic's). */
  Future<TopicDetails> one(String topic, boolean authorizedOperations) {
    if (!TopicDescriber.isValidName(topic)) {
      return Future.failedFuture(TopicDescriber.topicNotFound());
    }
    return KafkaFutures.toFuture(admin.describeTopics(List.of(topic), options(authorizedOperations))
        .topicNameValues().get(topic), context).map(TopicDetailsReader::toRecord);
  }

  /** Every topic, internal ones included, sorted by name. */
  Future<TopicDetailsList> all(boolean authorizedOperations) {
    return KafkaFutures.toFuture(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), context)
        .compose(names -> describeEach(names, authorizedOperations))
        .map(TopicDetailsList::new);
  }

  // One future per topic: a topic deleted between listing and describing is left out instead of failing the list.
  private Future<List<TopicDetails>> describeEach(Collection<String> names, boolean authorizedOperations) {
    if (names.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    var described = admin.describeTopics(names, options(authorizedOperations)).topicNameValues();
    List<Future<TopicDetails>> each = new ArrayList<>();
    described.values().forEach(f -> each.add(KafkaFutures.toFuture(f, context).map(TopicDetailsReader::toRecord)
        .recover(e -> TopicDescriber.isTopicNotFound(e) ? Future.succeededFuture(null) : Future.failedFuture(e))));
    return Future.all(each).map(all -> each.stream().map(Future::result).filter(t -> t != null)
        .sorted(Comparator.comparing(TopicDetails::name)).toList());
  }

  private static DescribeTopicsOptions options(boolean authorizedOperations) {
    return new DescribeTopicsOptions().includeAuthorizedOperations(authorizedOperations);
  }

  static TopicDetails toRecord(TopicDescription d) {
    var partitions = d.partitions().stream()
        .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
        .map(TopicDescriber::partition)
        .toList();
    return new TopicDetails(d.name(), d.isInternal(), partitions, operationNames(d.authorizedOperations()));
  }

  // Kafka answers null when the operations were not asked for (or the broker cannot tell).
  private static List<String> operationNames(Set<AclOperation> operations) {
    return operations == null ? List.of() : operations.stream().map(AclOperation::name).sorted().toList();
  }
}
