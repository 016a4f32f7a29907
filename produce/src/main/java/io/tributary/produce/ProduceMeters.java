package io.tributary.produce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.tributary.core.produce.RecordReceipt;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;

/**
 * The produce engine's meters: records Kafka acknowledged or refused, the time from the engine taking a request to
 * Kafka's last acknowledgement for it, and the Kafka producer's own metrics (Micrometer's Kafka client binder).
 * Labels never carry a topic name.
 */
final class ProduceMeters implements AutoCloseable {
  private final Counter produced;
  private final Counter failed;
  private final Timer latency;
  private final KafkaClientMetrics producerMetrics;

  ProduceMeters(MeterRegistry registry, Producer<byte[], byte[]> producer) {
    produced = Counter.builder("tributary.produce.records").tag("outcome", "produced")
        .description("Records Kafka acknowledged").register(registry);
    failed = Counter.builder("tributary.produce.records").tag("outcome", "failed")
        .description("Records refused, by Kafka or before sending").register(registry);
    latency = Timer.builder("tributary.produce.latency").publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
        .description("From the produce engine taking a request to Kafka's acknowledgement of its last record")
        .register(registry);
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
  }

  void answered(List<RecordReceipt> receipts, long startNanos) {
    long ok = receipts.stream().filter(RecordReceipt::succeeded).count();
    produced.increment(ok);
    failed.increment(receipts.size() - ok);
    latency.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void refused(int records) {
    failed.increment(records);
  }

  @Override
  public void close() {
    producerMetrics.close();
  }
}
