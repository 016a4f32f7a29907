package io.tributary.admin;

import io.tributary.core.bus.Addresses;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.Ping;
import io.tributary.kafka.KafkaClientConfigs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;

/**
 * The admin / metadata engine: owns the one Kafka {@link Admin} client and answers the {@code tributary.admin.*}
 * bus addresses with the metadata records of {@code io.tributary.core.metadata}. The operations live in small
 * classes; this verticle only wires them to their addresses.
 */
public final class AdminEngineVerticle extends VerticleBase {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final TributaryConfig config;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private Admin admin;

  public AdminEngineVerticle(TributaryConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    // Creating the client resolves the bootstrap addresses (DNS): not on the event loop.
    return vertx.executeBlocking(() -> Admin.create(KafkaClientConfigs.admin(config))).compose(created -> {
      admin = created;
      TopicDescriber describer = new TopicDescriber(admin, context);
      ClusterReader cluster = new ClusterReader(admin, context);
      // Not awaited: start-up must not wait for Kafka; only topic auto-creation needs the answer.
      Future<Boolean> autoCreate = AutoCreateSetting.read(admin, context);
      TopicEnsurer ensurer = new TopicEnsurer(vertx, admin, context, describer, autoCreate);
      PartitionOffsetsReader offsets = new PartitionOffsetsReader(admin, context, describer);

      serve(Addresses.ADMIN_TOPIC_DESCRIBE, (DescribeTopic r) -> describer.describe(r.topic(), r.includeConfigs()));
      serve(Addresses.ADMIN_TOPIC_ENSURE, (EnsureTopic r) -> ensurer.ensure(r.topic(), r.create()));
      serve(Addresses.ADMIN_TOPICS_LIST, (ListTopics r) -> cluster.topicNames());
      serve(Addresses.ADMIN_BROKERS_LIST, (ListBrokers r) -> cluster.brokers());
      serve(Addresses.ADMIN_PING, (Ping r) -> cluster.ping());
      serve(Addresses.ADMIN_PARTITION_OFFSETS,
          (GetPartitionOffsets r) -> offsets.offsets(r.topic(), r.partition()));
      return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    });
  }

  private <T> void serve(String address, Function<T, Future<? extends BusMessage>> operation) {
    consumers.add(vertx.eventBus().<T>consumer(address, message -> {
      Future<? extends BusMessage> reply;
      try {
        reply = operation.apply(message.body());
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(message::reply).onFailure(e -> BusFailures.fail(message, e));
    }));
  }

  @Override
  public Future<?> stop() {
    if (admin == null) {
      return Future.succeededFuture();
    }
    Admin closing = admin;
    // close() waits for in-flight calls: keep it off the event loop.
    return vertx.executeBlocking(() -> {
      closing.close(CLOSE_TIMEOUT);
      return null;
    });
  }
}
