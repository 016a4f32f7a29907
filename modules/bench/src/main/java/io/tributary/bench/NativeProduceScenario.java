package io.tributary.bench;

import io.tributary.core.config.TributaryConfig;
import io.tributary.kafka.KafkaClientConfigs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline: a {@code KafkaProducer<byte[], byte[]>} built by the proxy's own {@link KafkaClientConfigs#producer}
 * (acks=all, idempotence), sending asynchronously with at most {@code --native-window} records unacknowledged,
 * and waiting for every acknowledgement. This is what an application talking to the same broker directly gets.
 */
final class NativeProduceScenario implements Scenario {
  static final String NAME = "native";

  private final byte[] value;
  private final int window;
  private final KafkaProducer<byte[], byte[]> producer;

  NativeProduceScenario(BenchEnvironment env) {
    this.value = env.value();
    this.window = env.options().nativeWindow();
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
    return "KafkaProducer<byte[],byte[]>, proxy's producer settings (acks=all, idempotent), async sends, "
        + (window > 0 ? "at most " + window + " unacknowledged" : "no limit on unacknowledged records");
  }

  @Override
  public PhaseResult run(String topic, Phase phase) {
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Semaphore unacknowledged = new Semaphore(window > 0 ? window : Integer.MAX_VALUE);
    long start = System.nanoTime();
    long deadline = phase.deadline(start);
    for (long i = 0; i < phase.maxRecords() && failure.get() == null; i++) {
      // Checking the clock every record would cost more than the send; every 1024 records is plenty.
      if ((i & 1023) == 0 && System.nanoTime() >= deadline) {
        break;
      }
      unacknowledged.acquireUninterruptibly();
      producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
        unacknowledged.release();
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
