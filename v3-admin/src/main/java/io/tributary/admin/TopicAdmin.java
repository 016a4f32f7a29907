package io.tributary.admin;

import io.tributary.core.admin.CreateTopic;
import io.tributary.core.admin.TopicCreated;
import io.tributary.core.admin.TopicDetails;
import io.tributary.core.bus.Ack;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates and deletes topics and raises their partition counts. */
final class TopicAdmin {
  // After createPartitions the broker we describe from may still report the old count for a moment.
  private static final int DESCRIBE_ATTEMPTS = 20;
  private static final long RETRY_DELAY_MS = 100;

  private final Vertx vertx;
  private final Admin admin;
  private final Context context;
  private final TopicDetailsReader reader;

  TopicAdmin(Vertx vertx, Admin admin, Context context, TopicDetailsReader reader) {
    this.vertx = vertx;
    this.admin = admin;
    this.context = context;
    this.reader = reader;
  }

  Future<TopicCreated> create(CreateTopic request) {
    if (!TopicDescriber.isValidName(request.name())) {
      return Future.failedFuture(ErrorCode.INVALID_PAYLOAD.toException("Payload error. Invalid topic name."));
    }
    NewTopic topic = request.replicasAssignments().isEmpty()
        ? new NewTopic(request.name(), Optional.ofNullable(request.partitions()),
            Optional.ofNullable(request.replicationFactor()))
        : new NewTopic(request.name(), request.replicasAssignments());
    topic.configs(request.configs());
    CreateTopicsResult result = admin.createTopics(List.of(topic),
        new CreateTopicsOptions().validateOnly(request.validateOnly()));
    // Kafka reports the effective counts (broker defaults filled in) for real and validate-only requests alike.
    Future<Integer> partitions = KafkaFutures.toFuture(result.numPartitions(request.name()), context);
    Future<Integer> replication = KafkaFutures.toFuture(result.replicationFactor(request.name()), context);
    return Future.all(partitions, replication)
        .map(both -> new TopicCreated(request.name(), partitions.result(), replication.result()));
  }

  Future<TopicDetails> increasePartitions(String topic, int count) {
    return KafkaFutures.toFuture(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(count))).all(),
        context).compose(done -> describeUntil(topic, count, DESCRIBE_ATTEMPTS));
  }

  Future<Ack> delete(String topic) {
    if (!TopicDescriber.isValidName(topic)) {
      return Future.failedFuture(TopicDescriber.topicNotFound());
    }
    return KafkaFutures.toFuture(admin.deleteTopics(List.of(topic)).all(), context).map(done -> Ack.INSTANCE);
  }

  private Future<TopicDetails> describeUntil(String topic, int partitions, int attemptsLeft) {
    return reader.one(topic, false).compose(details -> details.partitions().size() >= partitions || attemptsLeft <= 1
        ? Future.succeededFuture(details)
        : vertx.timer(RETRY_DELAY_MS).compose(t -> describeUntil(topic, partitions, attemptsLeft - 1)));
  }
}
