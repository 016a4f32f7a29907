package io.tributary.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the chosen measurements one after another against the same cluster and proxy, collecting their rows. */
final class BenchRunner {
  private final BenchEnvironment env;
  private final PrintStream progress;

  BenchRunner(BenchEnvironment env, PrintStream progress) {
    this.env = env;
    this.progress = progress;
  }

  List<ScenarioResult> runAll() throws Exception {
    List<ScenarioResult> results = new ArrayList<>();
    for (String name : env.options().scenarios()) {
      progress.println("[bench] " + name + ": starting");
      try (Measurement measurement = Scenarios.create(name, env, progress)) {
        results.addAll(measurement.run());
      }
    }
    return results;
  }
}
