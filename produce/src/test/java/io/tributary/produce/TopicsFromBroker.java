package io.tributary.produce;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A stand-in for the admin engine's {@link AdminOps#TOPIC_ENSURE}: describes topics of the real test broker
 * and creates missing ones when the request allows it. Remembers what it was asked.
 */
final class TopicsFromBroker {
  final List<EnsureTopic> requests = new CopyOnWriteArrayList<>();
  private final MessageConsumer<EnsureTopic> consumer;

  TopicsFromBroker(Vertx vertx) {
    consumer = AdminOps.TOPIC_ENSURE.serve(vertx, request -> {
      requests.add(request);
      return vertx.executeBlocking(() -> ensure(request));
    });
  }

  void close() {
    consumer.unregister();
  }

  private static TopicDescription ensure(EnsureTopic request) throws Exception {
    try {
      return describe(request.topic());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw e;
      }
      if (!request.create()) {
        throw ErrorCode.TOPIC_NOT_FOUND.toException();
      }
      TestKafka.createTopic(request.topic(), 1);
      return describe(request.topic());
    }
  }

  private static TopicDescription describe(String topic) throws Exception {
    var kafkaTopic = TestKafka.admin().describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
        .get(topic);
    List<PartitionDescription> partitions = kafkaTopic.partitions().stream()
        .map(p -> new PartitionDescription(p.partition(), p.leader() == null ? -1 : p.leader().id(), List.of()))
        .toList();
    return new TopicDescription(topic, kafkaTopic.isInternal(), null, partitions);
  }
}
