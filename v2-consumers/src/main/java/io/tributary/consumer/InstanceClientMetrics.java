package io.tributary.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A few Kafka consumer metrics of the consumer instances, aggregated over the live ones: the largest lag and the
 * summed fetch and consumption rates. Micrometer's Kafka client binder would start a scheduler thread per client,
 * too many with thousands of instances; these gauges read each client's metrics only when scraped, on the scrape's
 * thread ({@code Consumer.metrics()} is thread-safe, unlike the rest of the consumer). A closed instance is dropped
 * when it closes: held until the next scrape, a deleted instance's whole Kafka client (about 100 KiB) would stay
 * in the heap wherever nobody scrapes.
 */
final class InstanceClientMetrics {
  private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
  private final Set<ConfinedConsumer> live = ConcurrentHashMap.newKeySet();

  InstanceClientMetrics(MeterRegistry registry) {
    gauge(registry, "tributary.consumer.kafka.records.lag.max", "records-lag-max", Math::max,
        "The largest records-lag-max of the consumer instances' Kafka clients");
    gauge(registry, "tributary.consumer.kafka.fetch.rate", "fetch-rate", Double::sum,
        "Fetch requests per second, summed over the consumer instances' Kafka clients");
    gauge(registry, "tributary.consumer.kafka.records.consumed.rate", "records-consumed-rate", Double::sum,
        "Records consumed per second, summed over the consumer instances' Kafka clients");
    gauge(registry, "tributary.consumer.kafka.bytes.consumed.rate", "bytes-consumed-rate", Double::sum,
        "Bytes consumed per second, summed over the consumer instances' Kafka clients");
  }

  /** Counts this instance's client in the aggregates until it is closed. */
  ConfinedConsumer track(ConfinedConsumer consumer) {
    live.add(consumer);
    consumer.onClose(() -> live.remove(consumer));
    return consumer;
  }

  /** How many clients are counted now. */
  int tracked() {
    return live.size();
  }

  private void gauge(MeterRegistry registry, String name, String kafkaName, DoubleBinaryOperator combine,
      String description) {
    Gauge.builder(name, this, self -> self.aggregate(kafkaName, combine)).description(description)
        .strongReference(true).register(registry);
  }

  private double aggregate(String kafkaName, DoubleBinaryOperator combine) {
    live.removeIf(ConfinedConsumer::isClosed);
    double result = 0;
    for (ConfinedConsumer consumer : live) {
      for (Map.Entry<MetricName, ? extends Metric> e : consumer.kafkaMetrics().entrySet()) {
        MetricName metric = e.getKey();
        // The client-wide value (tagged only by client-id), not the per-topic or per-partition ones.
        if (metric.name().equals(kafkaName) && metric.group().equals(FETCH_GROUP) && metric.tags().size() == 1
            && e.getValue().metricValue() instanceof Double value && Double.isFinite(value)) {
          result = combine.applyAsDouble(result, value);
        }
      }
    }
    return result;
  }
}
