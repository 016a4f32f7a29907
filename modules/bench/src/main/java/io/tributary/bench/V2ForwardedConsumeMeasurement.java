package io.tributary.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cluster mode's extra hop (issue 14): the drain of {@link V2ConsumeMeasurement} (one binary instance, the same
 * {@code --consume-records} records, warm-up, then {@code --consume-repetitions} drains per side, median reported)
 * against {@value #NODES} Tributary nodes of one cluster started in this JVM, or each in a process of its own with
 * {@code --cluster-jvm own}. Every instance is created on node 0;
 * one side reads it through node 0 (its owner), the other through node 1, which does not hold it and forwards every
 * read over the clustered event bus. Both sides alternate, so that a slow spell of the machine hits both; the
 * forwarded row's ratio is taken against the owner's row. The run's in-process proxy is not used.
 */
final class V2ForwardedConsumeMeasurement implements Measurement {
  static final String NAME = "v2-consume-forwarded";
  static final String OWNER_NAME = "v2-consume-owner";
  private static final int NODES = 2;

  private final BenchEnvironment env;
  private final PrintStream progress;
  private final long records;

  V2ForwardedConsumeMeasurement(BenchEnvironment env, PrintStream progress) {
    this.env = env;
    this.progress = progress;
    this.records = env.options().consumeRecords();
  }

  @Override
  public List<ScenarioResult> run() {
    BenchOptions options = env.options();
    String topic = env.topics().create(NAME);
    new V2ConsumeMeasurement(env, progress).fill(topic);
    long startNanos = System.nanoTime();
    try (ClusterNodes cluster = options.nodesInOwnJvms() ? NodeProcesses.start(env, NODES)
        : BenchCluster.start(env, NODES)) {
      log("%s: %d clustered nodes formed %s in %.1f s", NAME, NODES, cluster.where(),
          (System.nanoTime() - startNanos) / 1e9);
      URI owner = cluster.node(0);
      URI other = cluster.node(1);
      V2Drain ownerDrain = new V2Drain(env, progress, OWNER_NAME);
      V2Drain forwardedDrain = new V2Drain(env, progress, NAME);
      if (!options.warmupDuration().isZero()) {
        PhaseResult o = ownerDrain.run(owner, owner, topic, records, options.warmupDuration());
        PhaseResult f = forwardedDrain.run(owner, other, topic, records, options.warmupDuration());
        log("forwarded consume warm-up: owner %d, forwarded %d records", o.records(), f.records());
      }
      Duration limit = options.consumeDuration();
      List<PhaseResult> ownerDrains = new ArrayList<>();
      List<PhaseResult> forwardedDrains = new ArrayList<>();
      for (int i = 1; i <= options.consumeRepetitions(); i++) {
        System.gc();
        PhaseResult o = ownerDrain.run(owner, owner, topic, records, limit);
        log("%s %d/%d: %d records in %.2f s (%.0f records/s)", OWNER_NAME, i, options.consumeRepetitions(),
            o.records(), o.seconds(), o.recordsPerSecond());
        ownerDrains.add(o);
        System.gc();
        PhaseResult f = forwardedDrain.run(owner, other, topic, records, limit);
        log("%s %d/%d: %d records in %.2f s (%.0f records/s)", NAME, i, options.consumeRepetitions(),
            f.records(), f.seconds(), f.recordsPerSecond());
        forwardedDrains.add(f);
      }
      PhaseResult ownerResult = V2ConsumeMeasurement.median(ownerDrains);
      PhaseResult forwardedResult = V2ConsumeMeasurement.median(forwardedDrains);
      String drains = options.consumeRepetitions() == 1 ? "" : ", median of " + options.consumeRepetitions()
          + " alternating drains";
      String read = "one v2 instance (binary, subscribe) created on node 0 of " + NODES + " clustered nodes "
          + cluster.where() + ", GET .../records?max_bytes=" + ConsumerTuning.READ_MAX_BYTES + "&timeout="
          + ConsumerTuning.READ_TIMEOUT_MS + " in a loop";
      return List.of(
          new ScenarioResult(OWNER_NAME, read + " through node 0 (the owner)" + drains, ownerResult, null,
              completeness(ownerResult)),
          new ScenarioResult(NAME, read + " through node 1 (forwarded to node 0 over the clustered event bus)"
              + drains, forwardedResult, OWNER_NAME, completeness(forwardedResult)));
    }
  }

  private List<String> completeness(PhaseResult drain) {
    return drain.records() == records ? List.of()
        : List.of("time limit reached after " + drain.records() + " of " + records + " records");
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
