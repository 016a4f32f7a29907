package io.tributary.consumer;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes instances nobody used for {@code consumer.instance.timeout.ms}, checking once a second: an abandoned
 * instance would otherwise hold its partitions (and a Kafka client) forever.
 */
final class IdleExpiry {
  private static final Logger LOG = LoggerFactory.getLogger(IdleExpiry.class);
  private static final long CHECK_INTERVAL_MS = 1_000;

  private final Vertx vertx;
  private final InstanceRegistry registry;
  private final long timeoutMs;
  private long timerId = -1;

  IdleExpiry(Vertx vertx, InstanceRegistry registry, long timeoutMs) {
    this.vertx = vertx;
    this.registry = registry;
    this.timeoutMs = timeoutMs;
  }

  void start() {
    timerId = vertx.setPeriodic(CHECK_INTERVAL_MS, id -> sweep());
  }

  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private void sweep() {
    for (ConsumerInstance instance : registry.removeIdle(timeoutMs, System.nanoTime())) {
      LOG.info("Consumer instance {}/{} expired after {} ms without requests", instance.ref().group(),
          instance.ref().instance(), timeoutMs);
      instance.close();
    }
  }
}
