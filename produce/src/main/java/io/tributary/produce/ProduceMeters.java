package io.tributary.produce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.RecordReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;

/**
 * The produce engine's meters: records Kafka acknowledged or refused, the time from the engine taking a request to
 * Kafka's last acknowledgement for it, and the Kafka producer's own metrics (Micrometer's Kafka client binder).
 * Records and latency are labelled by the generation and format of the route that sent the request (fixed enums,
 * so the series stay bounded); labels never carry a topic name. A series appears with its first request.
 */
final class ProduceMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final Map<ProduceOrigin, OriginMeters> byOrigin = new ConcurrentHashMap<>();
  private final KafkaClientMetrics producerMetrics;

  /** The meters of one generation and format. */
  private record OriginMeters(Counter produced, Counter failed, Timer latency) {}

  ProduceMeters(MeterRegistry registry, Producer<byte[], byte[]> producer) {
    this.registry = registry;
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
  }

  void answered(ProduceOrigin origin, List<RecordReceipt> receipts, long startNanos) {
    OriginMeters meters = meters(origin);
    long ok = receipts.stream().filter(RecordReceipt::succeeded).count();
    meters.produced().increment(ok);
    meters.failed().increment(receipts.size() - ok);
    meters.latency().record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  void refused(ProduceOrigin origin, int records) {
    meters(origin).failed().increment(records);
  }

  private OriginMeters meters(ProduceOrigin origin) {
    return byOrigin.computeIfAbsent(origin, o -> {
      Tags tags = Tags.of("generation", o.generation().label(), "format", o.format().label());
      return new OriginMeters(
          Counter.builder("tributary.produce.records").tags(tags).tag("outcome", "produced")
              .description("Records Kafka acknowledged").register(registry),
          Counter.builder("tributary.produce.records").tags(tags).tag("outcome", "failed")
              .description("Records refused, by Kafka or before sending").register(registry),
          Timer.builder("tributary.produce.latency").tags(tags).publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
              .description("From the produce engine taking a request to Kafka's acknowledgement of its last record")
              .register(registry));
    });
  }

  @Override
  public void close() {
    producerMetrics.close();
  }
}
