package io.tributary.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the chosen scenarios one after another against the same cluster: each on a fresh topic, warm-up phase,
 * measured phase, then a check that the topic holds exactly the records both phases reported as acknowledged.
 */
final class BenchRunner {
  private final BenchEnvironment env;
  private final PrintStream progress;

  BenchRunner(BenchEnvironment env, PrintStream progress) {
    this.env = env;
    this.progress = progress;
  }

  List<ScenarioResult> runAll() throws Exception {
    BenchOptions options = env.options();
    List<ScenarioResult> results = new ArrayList<>();
    for (String name : options.scenarios()) {
      results.add(runOne(name, options));
    }
    return results;
  }

  private ScenarioResult runOne(String name, BenchOptions options) throws Exception {
    try (Scenario scenario = Scenarios.create(name, env)) {
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
      return new ScenarioResult(name, scenario.description(), measured);
    }
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
