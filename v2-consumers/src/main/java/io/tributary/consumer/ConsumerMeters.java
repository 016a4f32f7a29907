package io.tributary.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The consumer engine's meters: consumer instances alive and their life events, records handed to clients and how
 * long reads (long polls) waited. No label names a group, an instance or a topic.
 */
final class ConsumerMeters {
  private final Counter created;
  private final Counter deleted;
  private final Counter expired;
  private final Counter delivered;
  private final Timer readWait;

  ConsumerMeters(MeterRegistry registry, Supplier<Number> alive) {
    Gauge.builder("tributary.consumer.instances", alive).description("Consumer instances (v1 and v2) alive")
        .register(registry);
    created = event(registry, "created");
    deleted = event(registry, "deleted");
    expired = event(registry, "expired");
    delivered = Counter.builder("tributary.consumer.records.delivered")
        .description("Records returned to clients by consumer-instance reads").register(registry);
    readWait = Timer.builder("tributary.consumer.read.wait").publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
        .description("How long a consumer-instance read took, its long-poll wait included").register(registry);
  }

  private static Counter event(MeterRegistry registry, String event) {
    return Counter.builder("tributary.consumer.instance.events").tag("event", event)
        .description("Consumer instances created, deleted by their client, or expired for idleness")
        .register(registry);
  }

  void created() {
    created.increment();
  }

  void deleted() {
    deleted.increment();
  }

  void expired() {
    expired.increment();
  }

  void read(int records, long startNanos) {
    delivered.increment(records);
    readWait.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
