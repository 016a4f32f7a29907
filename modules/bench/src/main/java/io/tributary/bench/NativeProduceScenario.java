package io.tributary.bench;

import io.tributary.core.config.TributaryConfig;
import io.tributary.kafka.KafkaClientConfigs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline: a {@code KafkaProducer<byte[], byte[]>} built by the proxy's own {@link KafkaClientConfigs#producer}
 * (acks=all, idempotence), sending as fast as its buffer allows and waiting for every acknowledgement. This is
 * the most any proxy in front of the same broker could hope for.
 */
final class NativeProduceScenario implements Scenario {
  static final String NAME = "native";

  private final byte[] value;
  private final KafkaProducer<byte[], byte[]> producer;

  NativeProduceScenario(BenchEnvironment env) {
    this.value = env.value();
    Map<String, Object> props = KafkaClientConfigs.producer(
        new TributaryConfig(Map.of("bootstrap.servers", env.bootstrap())));
    props.put("client.id", "tributary-bench-native");
    this.producer = new KafkaProducer<>(props);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "KafkaProducer<byte[],byte[]>, proxy's producer settings (acks=all, idempotent), async sends";
  }

  @Override
  public PhaseResult run(String topic, Phase phase) {
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = phase.deadline(start);
    for (long i = 0; i < phase.maxRecords() && failure.get() == null; i++) {
      // Checking the clock every record would cost more than the send; every 1024 records is plenty.
      if ((i & 1023) == 0 && System.nanoTime() >= deadline) {
        break;
      }
      producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        } else {
          acked.incrementAndGet();
        }
      });
    }
    producer.flush();
    long elapsed = System.nanoTime() - start;
    if (failure.get() != null) {
      throw new BenchFailure("native produce failed: " + failure.get(), failure.get());
    }
    return new PhaseResult(acked.get(), acked.get(), elapsed, null);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
