package io.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp tributary-bench.jar io.tributary.bench.RenderChart docs/benchmarks.md docs/benchmarks.svg}: draws
 * the ratio chart of the run recorded in the Markdown file again, without running anything.
 */
public final class RenderChart {
  static final String TITLE = "Tributary throughput as a fraction of the native Kafka client's";

  private RenderChart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RenderChart RESULTS.md CHART.svg");
      System.exit(2);
      return;
    }
    String markdown = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    Files.writeString(Path.of(args[1]), RatioChart.svg(TITLE, RecordedResults.bars(markdown)),
        StandardCharsets.UTF_8);
  }
}
