package io.tributary.bench;

import io.tributary.core.config.TributaryConfig;
import io.tributary.kafka.KafkaClientConfigs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * v2 consume against native consume, in the same run, on the same topic: a native producer fills a fresh topic
 * with {@code --consume-records} records, then a native {@code KafkaConsumer} and one v2 REST consumer instance
 * (subscribed, binary, {@code GET .../records} in a loop with {@code max_bytes} and {@code timeout}) each drain it
 * from the beginning in their own group. Each side does a bounded warm-up drain first (own group, discarded), then
 * {@code --consume-repetitions} measured drains, native and v2 alternating (so that a slow spell of the machine hits
 * both sides), each in a fresh group; the drain with the median rate of each side is reported. A drain is valid only
 * if every offset arrived exactly once with no gap; it normally ends with the last record, and when the time limit
 * ends it first, the rate of what was drained is reported with a note.
 */
final class V2ConsumeMeasurement implements Measurement {
  static final String NAME = "v2-consume";
  static final String NATIVE_NAME = "native-consume";
  private static final Duration FILL_LIMIT = Duration.ofMinutes(5);
  private static final Duration NATIVE_POLL = Duration.ofMillis(100);

  private final BenchEnvironment env;
  private final PrintStream progress;
  private final long records;

  V2ConsumeMeasurement(BenchEnvironment env, PrintStream progress) {
    this.env = env;
    this.progress = progress;
    this.records = env.options().consumeRecords();
  }

  @Override
  public List<ScenarioResult> run() throws Exception {
    String topic = env.topics().create(NAME);
    fill(topic);
    BenchOptions options = env.options();
    if (!options.warmupDuration().isZero()) {
      PhaseResult n = drainNatively(topic, options.warmupDuration());
      PhaseResult p = drainThroughProxy(topic, options.warmupDuration());
      log("consume warm-up: native %d, proxy %d records", n.records(), p.records());
    }
    Duration limit = options.consumeDuration();
    List<PhaseResult> nativeDrains = new ArrayList<>();
    List<PhaseResult> proxyDrains = new ArrayList<>();
    for (int i = 1; i <= options.consumeRepetitions(); i++) {
      System.gc();
      PhaseResult n = drainNatively(topic, limit);
      log("%s %d/%d: %d records in %.2f s (%.0f records/s)", NATIVE_NAME, i, options.consumeRepetitions(),
          n.records(), n.seconds(), n.recordsPerSecond());
      nativeDrains.add(n);
      System.gc();
      PhaseResult p = drainThroughProxy(topic, limit);
      log("%s %d/%d: %d records in %.2f s (%.0f records/s)", NAME, i, options.consumeRepetitions(), p.records(),
          p.seconds(), p.recordsPerSecond());
      proxyDrains.add(p);
    }
    PhaseResult nativeDrain = median(nativeDrains);
    PhaseResult proxyDrain = median(proxyDrains);
    String drains = options.consumeRepetitions() == 1 ? "" : ", median of " + options.consumeRepetitions()
        + " alternating drains";
    return List.of(
        new ScenarioResult(NATIVE_NAME, "KafkaConsumer<byte[],byte[]>, subscribe, poll(100 ms) loop, "
            + ConsumerTuning.describe() + ", drains " + records + " records of " + options.valueBytes() + " bytes"
            + drains,
            nativeDrain, null, completeness(nativeDrain)),
        new ScenarioResult(NAME, "one v2 instance (binary, subscribe), GET .../records?max_bytes="
            + ConsumerTuning.READ_MAX_BYTES + "&timeout=" + ConsumerTuning.READ_TIMEOUT_MS + " in a loop, proxy "
            + "consumer.* = " + ConsumerTuning.describe() + drains, proxyDrain, NATIVE_NAME, completeness(proxyDrain)));
  }

  /** The drain with the median rate (the upper median of an even count). */
  static PhaseResult median(List<PhaseResult> drains) {
    List<PhaseResult> sorted = new ArrayList<>(drains);
    sorted.sort(Comparator.comparingDouble(PhaseResult::recordsPerSecond));
    return sorted.get(sorted.size() / 2);
  }

  void fill(String topic) {
    try (NativeProduceScenario producer = new NativeProduceScenario(env)) {
      PhaseResult filled = producer.run(topic, new Phase("fill", records, FILL_LIMIT));
      long inKafka = env.topics().recordCount(topic);
      if (filled.records() != records || inKafka != records) {
        throw new BenchFailure("filling " + topic + ": " + filled.records() + " acknowledged, " + inKafka
            + " in Kafka, " + records + " wanted");
      }
      log("%s: filled %s with %d records in %.1f s", NAME, topic, records, filled.seconds());
    }
  }

  private List<String> completeness(PhaseResult drain) {
    return drain.records() == records ? List.of()
        : List.of("time limit reached after " + drain.records() + " of " + records + " records");
  }

  private PhaseResult drainNatively(String topic, Duration limit) {
    Map<String, Object> props = KafkaClientConfigs.consumer(
        new TributaryConfig(Map.of("bootstrap.servers", env.bootstrap())));
    props.putAll(ConsumerTuning.kafkaProperties());
    props.put("group.id", "bench-native-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("enable.auto.commit", "false");
    OffsetLedger ledger = new OffsetLedger();
    long polls = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      long start = System.nanoTime();
      long deadline = start + limit.toNanos();
      consumer.subscribe(List.of(topic));
      long firstRecords = -1;
      while (ledger.count() < records && System.nanoTime() - deadline < 0) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(NATIVE_POLL)) {
          ledger.add(record.partition(), record.offset());
        }
        polls++;
        if (firstRecords < 0 && ledger.count() > 0) {
          firstRecords = System.nanoTime() - start;
        }
      }
      long elapsed = System.nanoTime() - start;
      // As for the proxy's drains: how much of the drain the group join took.
      log("%s: first records after %.0f ms (group join included), %d polls", NATIVE_NAME, firstRecords / 1e6,
          polls);
      ledger.requireNoGaps();
      return new PhaseResult(ledger.count(), polls, elapsed, null);
    }
  }

  private PhaseResult drainThroughProxy(String topic, Duration limit) {
    return new V2Drain(env, progress, NAME).run(env.proxyUri(), env.proxyUri(), topic, records, limit);
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
