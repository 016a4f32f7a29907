package io.tributary.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ratios back from the results table of {@code docs/benchmarks.md} (the first Markdown table under
 * {@code ## Results} with the columns {@code scenario}, {@code ratio} and {@code vs}), so the chart of a recorded
 * run can be drawn again without running the benchmarks.
 */
final class RecordedResults {
  private RecordedResults() {}

  /** The bars of the results table of {@code markdown}; throws if it has no such table. */
  static List<RatioChart.Bar> bars(String markdown) {
    String[] lines = markdown.split("\n");
    int i = 0;
    while (i < lines.length && !lines[i].strip().equals("## Results")) {
      i++;
    }
    List<String> header = List.of();
    // Summary tables of ratios by run may come first: the one drawn is a run's own table, with 'ratio' and 'vs'.
    for (; i < lines.length; i++) {
      if (lines[i].strip().startsWith("| scenario |")) {
        header = cells(lines[i]);
        if (header.contains("ratio") && header.contains("vs")) {
          break;
        }
      }
    }
    if (i >= lines.length) {
      throw new IllegalArgumentException("no '| scenario |' table with 'ratio' and 'vs' columns under '## Results'");
    }
    int scenario = header.indexOf("scenario");
    int ratio = header.indexOf("ratio");
    int vs = header.indexOf("vs");
    List<RatioChart.Bar> bars = new ArrayList<>();
    for (i += 2; i < lines.length && lines[i].strip().startsWith("|"); i++) {
      List<String> row = cells(lines[i]);
      String against = row.get(vs).isEmpty() ? null : row.get(vs);
      bars.add(new RatioChart.Bar(scenarioName(row.get(scenario)), Double.parseDouble(row.get(ratio)), against));
    }
    return bars;
  }

  /** {@code `native` (producer)} is the scenario {@code native}: the code-formatted part names it. */
  private static String scenarioName(String cell) {
    int open = cell.indexOf('`');
    int close = open < 0 ? -1 : cell.indexOf('`', open + 1);
    return close > open ? cell.substring(open + 1, close) : cell;
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }
}
