package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: closes instances nobody used for {@code consumer.instance.timeout.ms} (an abandoned instance
 * would hold its partitions and a Kafka client forever), and lets every other instance that is not being read take
 * part in its group's rebalances, so that an idle member no longer stalls the whole group until Kafka's
 * {@code max.poll.interval.ms} evicts it.
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final long INTERVAL_MS = 1_000;

  private final Vertx vertx;
  private final InstanceRegistry registry;
  private final long timeoutMs;
  private final Consumer<ConsumerRef> onExpiry;
  private long timerId = -1;

  /** @param onExpiry told of each expired instance (the consumer meters; in cluster mode, the directory) */
  Housekeeping(Vertx vertx, InstanceRegistry registry, long timeoutMs, Consumer<ConsumerRef> onExpiry) {
    this.onExpiry = onExpiry;
    this.vertx = vertx;
    this.registry = registry;
    this.timeoutMs = timeoutMs;
  }

  void start() {
    timerId = vertx.setPeriodic(INTERVAL_MS, id -> tick());
  }

  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private void tick() {
    for (ConsumerInstance instance : registry.removeIdle(timeoutMs, System.nanoTime())) {
      LOG.info("Consumer instance {}/{} expired after {} ms without requests", instance.ref().group(),
          instance.ref().instance(), timeoutMs);
      instance.close();
      onExpiry.accept(instance.ref());
    }
    registry.forEach(ConsumerInstance::keepInGroup);
  }
}
