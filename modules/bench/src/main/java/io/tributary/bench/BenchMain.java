package io.tributary.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar tributary-bench.jar [options]}: measures native Kafka produce and produce through Tributary in
 * one run against one broker, prints a table, writes its ratios as an SVG chart ({@code --chart}), exits 0;
 * exits 1 when any request or record failed (no figures are
 * printed for an invalid run), 2 on a usage error, 3 when the watchdog had to stop a run that overran its limits.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(usage());
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(usage());
      System.exit(2);
      return;
    }
    startWatchdog(options.worstCase());
    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.exit(run(options, loadAtStart));
  }

  private static int run(BenchOptions options, double loadAtStart) {
    try (BenchEnvironment env = new BenchEnvironment(options)) {
      env.startKafka();
      if (options.scenarios().stream().anyMatch(Scenarios::needsProxy)) {
        env.startProxy();
      }
      List<ScenarioResult> results = new BenchRunner(env, System.err).runAll();
      new ReportPrinter(System.out).print(options, env.describe(), loadAtStart, results);
      writeChart(options, results);
      return 0;
    } catch (BenchFailure e) {
      System.err.println("BENCHMARK FAILED: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println("BENCHMARK FAILED: " + e);
      e.printStackTrace();
      return 1;
    }
  }

  /** The ratios as an SVG bar chart next to the table; a chart that cannot be written does not void the run. */
  private static void writeChart(BenchOptions options, List<ScenarioResult> results) {
    try {
      Files.writeString(options.chart(), RatioChart.svg(RenderChart.TITLE, RatioChart.barsOf(results)),
          StandardCharsets.UTF_8);
      System.err.println("Ratio chart written to " + options.chart().toAbsolutePath());
    } catch (IOException e) {
      System.err.println("Could not write the ratio chart " + options.chart() + ": " + e.getMessage());
    }
  }

  /** Every loop is bounded already; this is the last resort should a close or a broker call hang. */
  private static void startWatchdog(Duration limit) {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(limit.toMillis());
        System.err.println("BENCHMARK ABORTED: the run exceeded " + limit.toSeconds() + " s");
        Runtime.getRuntime().halt(3);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static String usage() {
    return String.format(BenchOptions.USAGE, String.join(", ", Scenarios.names()));
  }
}
