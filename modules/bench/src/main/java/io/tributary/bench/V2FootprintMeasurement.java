package io.tributary.bench;

import io.vertx.core.Future;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What many REST consumer instances cost: {@code --consumer-instances} v2 binary instances in one group, each
 * assigned every partition of a small pre-filled topic, each read once (its first read, reported apart), then read
 * round-robin ({@code --connections} reads in flight, {@code max_bytes} of one record) for
 * {@code --footprint-seconds}, then deleted. Reported: heap in use
 * after a full GC and live threads of this JVM, relative to a baseline taken before the first instance, after
 * creation, after the reads and after deletion; read latency percentiles during the round-robin. Heap and
 * threads are only meaningful with the in-process proxy.
 *
 * <p>Assignments rather than subscriptions: a thousand members joining one group would measure the group
 * coordinator's rebalancing, and a thousand groups a thousand heartbeat threads; an assigned instance holds a
 * Kafka consumer and its buffers, which is the footprint in question.
 */
final class V2FootprintMeasurement implements Measurement {
  static final String NAME = "v2-footprint";
  private static final long TOPIC_RECORDS = 1_000;
  /** One 100-byte record per read: the instance's buffer lasts for many rounds, so reads seldom wait. */
  private static final long READ_MAX_BYTES = 100;
  private static final long READ_TIMEOUT_MS = 500;
  private static final long SETUP_SECONDS = 300;

  private final BenchEnvironment env;
  private final PrintStream progress;
  private final int instances;

  V2FootprintMeasurement(BenchEnvironment env, PrintStream progress) {
    this.env = env;
    this.progress = progress;
    this.instances = env.options().consumerInstances();
  }

  @Override
  public List<ScenarioResult> run() {
    BenchOptions options = env.options();
    String topic = env.topics().create(NAME);
    try (NativeProduceScenario producer = new NativeProduceScenario(env)) {
      producer.run(topic, new Phase("fill", TOPIC_RECORDS, Duration.ofMinutes(1)));
    }
    if (env.topics().recordCount(topic) != TOPIC_RECORDS) {
      throw new BenchFailure(NAME + ": filling " + topic + " failed");
    }
    String group = "bench-footprint-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> details = new ArrayList<>();
    boolean inProcess = options.url() == null;
    try (FootprintNodes nodes = FootprintNodes.open(env)) {
      HeapProbe.Sample baseline = HeapProbe.sample();
      details.add("baseline: " + mib(baseline.heapUsedBytes()) + " MiB heap after GC, " + baseline.liveThreads()
          + " live threads");
      List<OptionalLong> nodeBaselines = new ArrayList<>();
      for (int n = 0; nodes.clustered() && n < nodes.count(); n++) {
        nodeBaselines.add(nodes.cluster().heapAfterGc(n));
      }

      // Creation failures are part of the result (a limit reached), not a reason to stop the run.
      ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
      boolean[] created = new boolean[instances];
      long setupStart = System.nanoTime();
      ParallelCalls.Outcome creating = ParallelCalls.run(env.clientVertx(), options.connections(), instances,
          Duration.ofSeconds(SETUP_SECONDS).toNanos(), i -> nodes.of(i).create(group, name(i))
              .compose(v -> nodes.of(i).assign(group, name(i), topic, options.partitions()))
              .map(v -> {
                created[(int) i] = true;
                return 1;
              })
              .otherwise(error -> {
                refusals.add(error.getMessage());
                return 0;
              }));
      log("%s: %d of %d instances created and assigned in %.1f s", NAME, creating.records(), instances,
          (System.nanoTime() - setupStart) / 1e9);
      details.add(String.format(Locale.ROOT, "created and assigned %d of %d instances in %.1f s (p50 %.1f ms, "
              + "p99 %.1f ms per create+assign)", creating.records(), instances, creating.elapsedNanos() / 1e9,
          creating.latency().p50() / 1e6, creating.latency().p99() / 1e6));
      if (!refusals.isEmpty()) {
        details.add(refusals.size() + " refused, first: " + refusals.peek());
      }
      List<Integer> live = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        if (created[i]) {
          live.add(i);
        }
      }
      if (live.isEmpty()) {
        throw new BenchFailure(NAME + ": no consumer instance could be created: " + refusals.peek());
      }
      details.add(footprint("after creation", baseline, live.size()));
      if (nodes.clustered()) {
        details.add(perNode(baseline, nodes.cluster(), nodeBaselines));
      }

      OffsetLedger[] ledgers = new OffsetLedger[instances];
      for (int i : live) {
        ledgers[i] = new OffsetLedger();
      }
      // Each instance reads once before the timed round-robin. A first read is a Kafka consumer's start (position
      // look-up, connections, first fetch); at 10,000 instances a timed phase would otherwise measure mostly those,
      // and at 1,000 mostly reads from the buffer, so their latencies could not be compared.
      ParallelCalls.Outcome first = ParallelCalls.run(env.clientVertx(), options.connections(), live.size(),
          Duration.ofSeconds(SETUP_SECONDS).toNanos(), n -> {
            int i = live.get((int) n);
            return nodes.of(i).read(group, name(i), READ_MAX_BYTES, READ_TIMEOUT_MS, ledgers[i]);
          });
      log("%s: first reads of %d instances in %.1f s", NAME, first.calls(), first.elapsedNanos() / 1e9);
      details.add(String.format(Locale.ROOT, "first reads (not in the figures above the details): %d of %d "
              + "instances in %.1f s, p50 %.1f ms, p99 %.1f ms", first.calls(), live.size(),
          first.elapsedNanos() / 1e9, first.latency().p50() / 1e6, first.latency().p99() / 1e6));
      long[] empty = new long[1];
      ParallelCalls.Outcome reading = ParallelCalls.run(env.clientVertx(), options.connections(), Long.MAX_VALUE,
          options.footprintDuration().toNanos(), n -> {
            int i = live.get((int) (n % live.size()));
            return nodes.of(i).read(group, name(i), READ_MAX_BYTES, READ_TIMEOUT_MS, ledgers[i]).map(count -> {
              if (count == 0) {
                empty[0]++;
              }
              return count;
            });
          });
      // A gap is reported (it is a finding about the proxy), but it does not discard the footprint figures.
      List<String> gaps = new ArrayList<>();
      for (int i : live) {
        try {
          ledgers[i].requireNoGaps();
        } catch (BenchFailure e) {
          gaps.add(name(i) + ": " + e.getMessage());
        }
      }
      log("%s: %d reads, %d records in %.1f s", NAME, reading.calls(), reading.records(),
          reading.elapsedNanos() / 1e9);
      details.add(String.format(Locale.ROOT, "round-robin reads: %d reads of %d instances (%.1f per instance), "
              + "%d records, %d empty reads, %d reads in flight", reading.calls(), live.size(),
          (double) reading.calls() / live.size(), reading.records(), empty[0], options.connections()));
      if (!gaps.isEmpty()) {
        details.add("INVALID READS: " + gaps.size() + " instance(s) missed records, e.g. " + gaps.get(0)
            + (gaps.size() > 1 ? "; " + gaps.get(gaps.size() - 1) : ""));
      }
      details.add(footprint("after the reads", baseline, live.size()));
      if (nodes.clustered()) {
        details.add(perNode(baseline, nodes.cluster(), nodeBaselines));
      }

      ParallelCalls.Outcome deleting = ParallelCalls.run(env.clientVertx(), options.connections(), live.size(),
          Duration.ofSeconds(SETUP_SECONDS).toNanos(), n -> nodes.of(live.get((int) n)).delete(group, name(live.get((int) n)))
              .map(v -> 1));
      details.add(String.format(Locale.ROOT, "deleted %d instances in %.1f s; after deletion: %s",
          deleting.records(), deleting.elapsedNanos() / 1e9, HeapProbe.sample().since(baseline)));
      if (!inProcess) {
        details.add("the proxy runs in another process (--url): heap and thread figures are this JVM's, not the"
            + " proxy's");
      }
      PhaseResult measured = new PhaseResult(reading.records(), reading.calls(), reading.elapsedNanos(),
          reading.latency());
      String where = nodes.clustered() ? " spread over " + nodes.count() + " clustered nodes "
          + nodes.cluster().where() : "";
      return List.of(new ScenarioResult(NAME, instances + " v2 binary instances" + where + " assigned to a " + TOPIC_RECORDS
          + "-record topic, read round-robin with max_bytes=" + READ_MAX_BYTES + "&timeout=" + READ_TIMEOUT_MS
          + " for " + options.footprintDuration().toSeconds() + " s", measured, null, details));
    }
  }

  private static String footprint(String when, HeapProbe.Sample baseline, int count) {
    HeapProbe.Sample now = HeapProbe.sample();
    return String.format(Locale.ROOT, "%s: %s, %.1f KiB heap per instance", when, now.since(baseline),
        (now.heapUsedBytes() - baseline.heapUsedBytes()) / 1024.0 / count);
  }

  /**
   * Each node's heap when it runs in its own JVM; otherwise the nodes share this JVM's heap, and their instances'
   * share of it, divided by the node count, stands for one node's (the baseline already holds each node's fixed
   * cost, Hazelcast's included).
   */
  private static String perNode(HeapProbe.Sample baseline, ClusterNodes cluster, List<OptionalLong> baselines) {
    if (cluster.heapAfterGc(0).isPresent()) {
      List<String> each = new ArrayList<>();
      for (int n = 0; n < cluster.size(); n++) {
        each.add(String.format(Locale.ROOT, "node %d %s MiB (%+.1f)", n, mib(cluster.heapAfterGc(n).getAsLong()),
            (cluster.heapAfterGc(n).getAsLong() - baselines.get(n).getAsLong()) / 1048576.0));
      }
      return "heap in use after GC per node, in its own JVM (change since the baseline): " + String.join(", ", each);
    }
    HeapProbe.Sample now = HeapProbe.sample();
    int nodes = cluster.size();
    return String.format(Locale.ROOT, "%d nodes in this JVM: %.1f MiB heap in use after GC (broker and load"
            + " generator included), so at most %.1f MiB per node; the instances' share %.1f MiB per node", nodes,
        now.heapUsedBytes() / 1048576.0, now.heapUsedBytes() / 1048576.0 / nodes,
        (now.heapUsedBytes() - baseline.heapUsedBytes()) / 1048576.0 / nodes);
  }

  private static String name(long i) {
    return "c" + i;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
