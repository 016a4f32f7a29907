package io.tributary.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One drain of a topic by one v2 REST consumer instance (binary, subscribed, in a fresh group): created, subscribed
 * and deleted through {@code control}, read through {@code reads} with {@code GET .../records} in a loop until every
 * record arrived or the time limit passed. The two addresses are one proxy for a single node; in a cluster they may
 * be two nodes, so that every read travels through a node that does not hold the instance. A drain is valid only if
 * every offset arrived exactly once with no gap.
 */
final class V2Drain {
  private final BenchEnvironment env;
  private final PrintStream progress;
  private final String label;

  /** {@code label}: the scenario name its progress lines carry. */
  V2Drain(BenchEnvironment env, PrintStream progress, String label) {
    this.env = env;
    this.progress = progress;
    this.label = label;
  }

  PhaseResult run(URI control, URI reads, String topic, long records, Duration limit) {
    String group = "bench-v2-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "drain";
    OffsetLedger ledger = new OffsetLedger();
    List<Long> latencies = new ArrayList<>();
    try (ProxyCalls controlCalls = new ProxyCalls(env.clientVertx(), control, 1);
        ProxyCalls readCalls = reads.equals(control) ? null : new ProxyCalls(env.clientVertx(), reads, 1)) {
      V2Consumers consumers = new V2Consumers(controlCalls);
      V2Consumers readers = readCalls == null ? consumers : new V2Consumers(readCalls);
      Awaits.await(consumers.create(group, name), 60);
      try {
        Awaits.await(consumers.subscribe(group, name, topic), 60);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long firstRecords = -1;
        while (ledger.count() < records && System.nanoTime() - deadline < 0) {
          long sent = System.nanoTime();
          Awaits.await(readers.read(group, name, ConsumerTuning.READ_MAX_BYTES, ConsumerTuning.READ_TIMEOUT_MS,
              ledger), 60);
          latencies.add(System.nanoTime() - sent);
          if (firstRecords < 0 && ledger.count() > 0) {
            firstRecords = System.nanoTime() - start;
          }
        }
        long elapsed = System.nanoTime() - start;
        // The group join is part of the first read: this says how much of the drain it took.
        progress.println("[bench] " + String.format(Locale.ROOT, "%s: first records after %.0f ms (group join "
            + "included), %d reads", label, firstRecords / 1e6, latencies.size()));
        ledger.requireNoGaps();
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        return new PhaseResult(ledger.count(), nanos.length, elapsed, nanos.length == 0 ? null
            : LatencySummary.of(nanos));
      } finally {
        Awaits.await(consumers.delete(group, name), 60);
      }
    }
  }
}
