package io.tributary.admin;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.ReplicaDescription;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/** Describes one topic: its partitions with leaders and replicas and, when asked, its effective configs. */
final class TopicDescriber {
  private final Admin admin;
  private final Context context;

  TopicDescriber(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  /** The topic, or a failure with 40401 when it does not exist (or its name could never be a topic's). */
  Future<TopicDescription> describe(String topic, boolean includeConfigs) {
    if (!isValidName(topic)) {
      return Future.failedFuture(topicNotFound());
    }
    Future<org.apache.kafka.clients.admin.TopicDescription> description = KafkaFutures.toFuture(
        admin.describeTopics(List.of(topic)).topicNameValues().get(topic), context);
    Future<SortedMap<String, String>> configs = includeConfigs ? configs(topic) : Future.succeededFuture(null);
    return Future.all(description, configs)
        .map(both -> toRecord(description.result(), configs.result()))
        .recover(e -> Future.failedFuture(notFoundIsTopicNotFound(e)));
  }

  /** True when the failure means the topic is not there. */
  static boolean isTopicNotFound(Throwable e) {
    return e instanceof TributaryException te && te.errorCode() == ErrorCode.TOPIC_NOT_FOUND;
  }

  static TributaryException topicNotFound() {
    return ErrorCode.TOPIC_NOT_FOUND.toException();
  }

  private Future<SortedMap<String, String>> configs(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return KafkaFutures.toFuture(admin.describeConfigs(List.of(resource)).values().get(resource), context)
        .map(TopicDescriber::sortedValues);
  }

  // Kafka reports a config without a value (a password, an unset optional) as null; clients of the REST API
  // expect strings, so such entries are left out rather than rendered as null.
  private static SortedMap<String, String> sortedValues(Config config) {
    SortedMap<String, String> sorted = new TreeMap<>();
    for (ConfigEntry entry : config.entries()) {
      if (entry.value() != null) {
        sorted.put(entry.name(), entry.value());
      }
    }
    return Collections.unmodifiableSortedMap(sorted);
  }

  private static TopicDescription toRecord(org.apache.kafka.clients.admin.TopicDescription d,
      Map<String, String> configs) {
    List<PartitionDescription> partitions = d.partitions().stream()
        .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
        .map(TopicDescriber::toRecord)
        .toList();
    return new TopicDescription(d.name(), d.isInternal(), configs, partitions);
  }

  private static PartitionDescription toRecord(TopicPartitionInfo p) {
    int leader = p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id();
    Set<Integer> inSync = p.isr().stream().map(Node::id).collect(Collectors.toSet());
    List<ReplicaDescription> replicas = p.replicas().stream()
        .map(n -> new ReplicaDescription(n.id(), n.id() == leader, inSync.contains(n.id())))
        .toList();
    return new PartitionDescription(p.partition(), leader, replicas);
  }

  // Kafka's own message for an unknown topic ("This server does not host this topic-partition.") reads oddly
  // over HTTP; the REST API has always answered with its fixed "Topic not found.".
  private static Throwable notFoundIsTopicNotFound(Throwable e) {
    return isTopicNotFound(e) ? topicNotFound() : e;
  }

  // A name Kafka would reject can never name an existing topic, so it is "not found" rather than a bad request:
  // that is what the REST API has always answered for GET /topics/{any name}.
  private static boolean isValidName(String topic) {
    try {
      Topic.validate(topic);
      return true;
    } catch (InvalidTopicException e) {
      return false;
    }
  }
}
