package io.tributary.bench;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as a fixed-width table plus, per row, its throughput as a fraction of its baseline row's
 * (the native producer's or the native consumer's: the figure that survives a change of machine better than
 * absolute numbers), then the pairwise comparisons of {@link Scenarios#comparisons()} and each row's details.
 */
final class ReportPrinter {
  private static final String ROW = "%-20s %7s %10s %8s %11s %11s %8s %8s %8s  %s%n";

  private final PrintStream out;

  ReportPrinter(PrintStream out) {
    this.out = out;
  }

  /**
   * @param loadAtStart the system's 1-minute load average before the harness started anything (negative when
   *     unknown): other work on the machine shows up here, and it skews every figure
   */
  void print(BenchOptions options, String environment, double loadAtStart, List<ScenarioResult> results) {
    out.printf(Locale.ROOT, "%nTributary benchmark, %s, %d cores, Java %s, load average before the run %s%n",
        ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadAtStart < 0 ? "unknown" : format("%.2f", loadAtStart));
    out.printf(Locale.ROOT, "%s%n", environment);
    out.printf(Locale.ROOT, "per scenario: warm-up <= %d records or %d s, then <= %d records or %d s; "
            + "%d connection(s), %d partition(s), %d-byte values%n%n",
        options.warmupRecords(), options.warmupDuration().toSeconds(), options.records(),
        options.duration().toSeconds(), options.connections(), options.partitions(), options.valueBytes());
    out.printf(Locale.ROOT, ROW, "scenario", "rec/req", "records", "seconds", "records/s", "requests/s",
        "p50 ms", "p99 ms", "ratio", "vs");
    for (ScenarioResult r : results) {
      Double baseline = rate(results, r.baseline());
      PhaseResult m = r.measured();
      LatencySummary l = m.latency();
      out.printf(Locale.ROOT, ROW, r.name(),
          l == null ? "-" : format("%.0f", (double) m.records() / m.requests()),
          m.records(),
          format("%.2f", m.seconds()),
          format("%,.0f", m.recordsPerSecond()),
          l == null ? "-" : format("%,.0f", m.requestsPerSecond()),
          l == null ? "-" : millis(l.p50()),
          l == null ? "-" : millis(l.p99()),
          baseline == null || baseline == 0 ? "-" : format("%.4f", m.recordsPerSecond() / baseline),
          baseline == null ? "" : r.baseline());
    }
    out.println();
    for (Scenarios.Comparison c : Scenarios.comparisons()) {
      Double scenario = rate(results, c.scenario());
      Double against = rate(results, c.against());
      if (scenario != null && against != null && against > 0) {
        out.printf(Locale.ROOT, "  %s / %s = %.4f%n", c.scenario(), c.against(), scenario / against);
      }
    }
    out.println();
    for (ScenarioResult r : results) {
      out.printf(Locale.ROOT, "  %-20s %s%n", r.name(), r.description());
      for (String detail : r.details()) {
        out.printf(Locale.ROOT, "  %-20s   %s%n", "", detail);
      }
    }
    out.println();
  }

  private static Double rate(List<ScenarioResult> results, String name) {
    return name == null ? null : results.stream().filter(r -> r.name().equals(name))
        .map(r -> r.measured().recordsPerSecond()).findFirst().orElse(null);
  }

  private static String millis(long nanos) {
    return format("%.2f", nanos / 1e6);
  }

  private static String format(String pattern, Object value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
