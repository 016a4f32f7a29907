package io.tributary.admin;

import io.tributary.core.metadata.TopicDescription;
import io.tributary.kafka.KafkaErrors;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Describes a topic, creating it with the broker's defaults first when it is missing, the caller asked for it and
 * the cluster allows automatic topic creation.
 */
final class TopicEnsurer {
  // A freshly created topic may stay invisible to describeTopics until its metadata reaches the broker we ask.
  private static final int DESCRIBE_ATTEMPTS = 20;
  private static final long RETRY_DELAY_MS = 100;

  private final Vertx vertx;
  private final Admin admin;
  private final Context context;
  private final TopicDescriber describer;
  private final Future<Boolean> autoCreateAllowed;

  TopicEnsurer(Vertx vertx, Admin admin, Context context, TopicDescriber describer,
      Future<Boolean> autoCreateAllowed) {
    this.vertx = vertx;
    this.admin = admin;
    this.context = context;
    this.describer = describer;
    this.autoCreateAllowed = autoCreateAllowed;
  }

  Future<TopicDescription> ensure(String topic, boolean create) {
    return describer.describe(topic, false).recover(e -> {
      if (!TopicDescriber.isTopicNotFound(e) || !create) {
        return Future.failedFuture(e);
      }
      return autoCreateAllowed.compose(allowed -> allowed ? createAndDescribe(topic) : Future.failedFuture(e));
    });
  }

  private Future<TopicDescription> createAndDescribe(String topic) {
    NewTopic withBrokerDefaults = new NewTopic(topic, Optional.empty(), Optional.empty());
    // Bridged by hand rather than with KafkaFutures so that TopicExistsException can be told apart before it is
    // translated: another request (or a producer's own auto-creation) may have created the topic meanwhile.
    return Future.<Void>fromCompletionStage(admin.createTopics(List.of(withBrokerDefaults)).all().toCompletionStage(),
            context)
        .recover(e -> KafkaErrors.unwrap(e) instanceof TopicExistsException
            ? Future.succeededFuture()
            : Future.failedFuture(KafkaErrors.translate(e)))
        .compose(created -> describeUntilVisible(topic, DESCRIBE_ATTEMPTS));
  }

  private Future<TopicDescription> describeUntilVisible(String topic, int attemptsLeft) {
    return describer.describe(topic, false).recover(e -> {
      if (!TopicDescriber.isTopicNotFound(e) || attemptsLeft <= 1) {
        return Future.failedFuture(e);
      }
      return vertx.timer(RETRY_DELAY_MS).compose(t -> describeUntilVisible(topic, attemptsLeft - 1));
    });
  }
}
