package io.tributary.bench;

import java.util.List;

/**
 * One row of the report: a scenario's measured phase (warm-up results are not reported), the row whose records/s
 * its ratio is taken against ({@code null} for a baseline row), and further lines the table has no column for.
 */
record ScenarioResult(String name, String description, PhaseResult measured, String baseline, List<String> details) {

  ScenarioResult {
    details = List.copyOf(details);
  }
}
