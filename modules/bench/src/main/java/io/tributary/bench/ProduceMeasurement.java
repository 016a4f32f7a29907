package io.tributary.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A produce {@link Scenario} on a fresh topic: warm-up phase, measured phase, then a check that the topic holds
 * exactly the records both phases reported as acknowledged. Its ratio is taken against the native producer.
 */
final class ProduceMeasurement implements Measurement {
  private final Scenario scenario;
  private final BenchEnvironment env;
  private final PrintStream progress;

  ProduceMeasurement(Scenario scenario, BenchEnvironment env, PrintStream progress) {
    this.scenario = scenario;
    this.env = env;
    this.progress = progress;
  }

  @Override
  public List<ScenarioResult> run() throws Exception {
    BenchOptions options = env.options();
    String name = scenario.name();
    String topic = env.topics().create(name);
    long warmed = 0;
    Phase warmup = new Phase("warm-up", options.warmupRecords(), options.warmupDuration());
    if (!warmup.isEmpty()) {
      PhaseResult result = scenario.run(topic, warmup);
      warmed = result.records();
      log("%s: warm-up %d records in %.1f s", name, result.records(), result.seconds());
    }
    // Start the measured phase with a clean heap, so a collection owed to the warm-up does not land in it.
    System.gc();
    PhaseResult measured = scenario.run(topic, new Phase("measured", options.records(), options.duration()));
    log("%s: measured %d records in %.1f s (%.0f records/s)", name, measured.records(), measured.seconds(),
        measured.recordsPerSecond());
    long inKafka = env.topics().recordCount(topic);
    if (inKafka != warmed + measured.records()) {
      throw new BenchFailure(name + ": topic " + topic + " holds " + inKafka + " records but " + warmed + " + "
          + measured.records() + " were acknowledged");
    }
    if (measured.records() == 0) {
      throw new BenchFailure(name + ": no record was acknowledged in the measured phase");
    }
    String baseline = name.equals(NativeProduceScenario.NAME) ? null : NativeProduceScenario.NAME;
    return List.of(new ScenarioResult(name, scenario.description(), measured, baseline, List.of()));
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }

  @Override
  public void close() {
    scenario.close();
  }
}
