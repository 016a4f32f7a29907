package io.tributary.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal SVG bar chart of the report's ratios, one bar per scenario, written by hand (the chart is a few
 * rectangles and labels: no plotting library is worth its dependencies here). Bars share one linear scale from 0 to
 * the largest ratio (at least 1, the baseline), so a bar's length compares directly with the baseline's.
 */
final class RatioChart {
  /** One bar: the scenario, its throughput as a fraction of its baseline's, and the baseline's name. */
  record Bar(String scenario, double ratio, String against) {}

  private static final int LABEL_WIDTH = 190;
  private static final int PLOT_WIDTH = 420;
  private static final int VALUE_WIDTH = 150;
  private static final int ROW_HEIGHT = 26;
  private static final int BAR_HEIGHT = 16;
  private static final int TOP = 40;

  private RatioChart() {}

  /** The bars of {@code results}: every row with a ratio, and each baseline row at 1. */
  static List<Bar> barsOf(List<ScenarioResult> results) {
    List<Bar> bars = new ArrayList<>();
    for (ScenarioResult r : results) {
      boolean isBaseline = results.stream().anyMatch(o -> r.name().equals(o.baseline()));
      Double baseline = results.stream().filter(o -> o.name().equals(r.baseline()))
          .map(o -> o.measured().recordsPerSecond()).findFirst().orElse(null);
      if (baseline != null && baseline > 0) {
        bars.add(new Bar(r.name(), r.measured().recordsPerSecond() / baseline, r.baseline()));
      } else if (isBaseline) {
        bars.add(new Bar(r.name(), 1.0, null));
      }
    }
    return bars;
  }

  /** The SVG document of {@code bars}, titled {@code title}. */
  static String svg(String title, List<Bar> bars) {
    double max = Math.max(1.0, bars.stream().mapToDouble(Bar::ratio).max().orElse(1.0));
    int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
    int height = TOP + bars.size() * ROW_HEIGHT + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
    svg.append(format("  <title>%s</title>%n", escape(title)));
    svg.append(format("  <rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(format("  <text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", escape(title)));
    int axisBottom = TOP + bars.size() * ROW_HEIGHT;
    double baselineX = LABEL_WIDTH + PLOT_WIDTH / max;
    svg.append(format("  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>%n",
        baselineX, TOP - 6, baselineX, axisBottom));
    svg.append(format("  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">1.0 = baseline</text>%n",
        baselineX, axisBottom + 18));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW_HEIGHT;
      double length = Math.max(1.0, PLOT_WIDTH * bar.ratio() / max);
      String colour = bar.against() == null ? "#7f7f7f" : "#2b6cb0";
      svg.append(format("  <g class=\"bar\" data-scenario=\"%s\">%n", escape(bar.scenario())));
      svg.append(format("    <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL_WIDTH - 8,
          y + BAR_HEIGHT - 3, escape(bar.scenario())));
      svg.append(format("    <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", LABEL_WIDTH, y,
          length, BAR_HEIGHT, colour));
      svg.append(format("    <text x=\"%.1f\" y=\"%d\">%s</text>%n", LABEL_WIDTH + length + 6, y + BAR_HEIGHT - 3,
          escape(format("%.3f", bar.ratio()) + (bar.against() == null ? " (baseline)" : " of " + bar.against()))));
      svg.append("  </g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
