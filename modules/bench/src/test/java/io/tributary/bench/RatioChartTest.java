package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RatioChartTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

  @Test
  void drawsOneLabelledBarPerScenarioAsWellFormedSvg() throws Exception {
    List<ScenarioResult> results = List.of(
        result("native", 1_000_000, 1_000_000_000L, null),
        result("v1-binary-100", 500_000, 1_000_000_000L, "native"),
        result("v2-<odd>&\"name\"", 250_000, 1_000_000_000L, "native"),
        result("v2-footprint", 10, 1_000_000_000L, null));

    List<RatioChart.Bar> bars = RatioChart.barsOf(results);
    Document svg = parse(RatioChart.svg("t", bars));

    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(barLabels(svg)).containsExactly("native", "v1-binary-100", "v2-<odd>&\"name\"");
    assertThat(bars).extracting(RatioChart.Bar::ratio).containsExactly(1.0, 0.5, 0.25);
    List<Double> widths = barWidths(svg);
    assertThat(widths.get(1) / widths.get(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void redrawsTheRecordedRunOfTheBenchmarkDocument() throws Exception {
    String markdown = Files.readString(ROOT.resolve("docs/benchmarks.md"), StandardCharsets.UTF_8);
    List<RatioChart.Bar> bars = RecordedResults.bars(markdown);

    assertThat(bars).extracting(RatioChart.Bar::scenario).contains("native", "v1-binary-1", "v2-binary-100",
        "v3-stream", "native-consume", "v2-consume");
    assertThat(bars).filteredOn(b -> b.scenario().equals("v2-consume")).singleElement()
        .satisfies(b -> assertThat(b.against()).isEqualTo("native-consume"));
    Document svg = parse(RatioChart.svg(RenderChart.TITLE, bars));
    assertThat(barLabels(svg)).containsExactlyElementsOf(bars.stream().map(RatioChart.Bar::scenario).toList());
  }

  /** The chart docs/benchmarks.md shows is the one its results table draws (re-render with RenderChart). */
  @Test
  void theCommittedChartMatchesTheRecordedResults() throws IOException {
    String markdown = Files.readString(ROOT.resolve("docs/benchmarks.md"), StandardCharsets.UTF_8);
    assertThat(markdown).contains("](benchmarks.svg)");
    assertThat(Files.readString(ROOT.resolve("docs/benchmarks.svg"), StandardCharsets.UTF_8))
        .isEqualTo(RatioChart.svg(RenderChart.TITLE, RecordedResults.bars(markdown)));
  }

  @Test
  void aSummaryTableWithoutRatioAndVsColumnsIsPassedOverForTheRunsTable() {
    String markdown = """
        ## Results

        | scenario | target | run G |
        |---|---|---|
        | `v2-consume` | >= 0.5 | 0.260 |

        | scenario | records/s | ratio | vs |
        |---|---|---|---|
        | `native` (producer) | 500 | 1.000 | |
        | `v2-binary-100` | 300 | 0.600 | native |
        """;

    assertThat(RecordedResults.bars(markdown)).containsExactly(new RatioChart.Bar("native", 1.0, null),
        new RatioChart.Bar("v2-binary-100", 0.6, "native"));
  }

  @Test
  void aDocumentWithoutAResultsTableIsRefused() {
    assertThatThrownBy(() -> RecordedResults.bars("# Benchmarks\n\nnothing yet\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Results");
  }

  private static ScenarioResult result(String name, long records, long nanos, String baseline) {
    return new ScenarioResult(name, "", new PhaseResult(records, records, nanos, null), baseline, List.of());
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The label of each bar group, in order: its first text element. */
  private static List<String> barLabels(Document svg) {
    List<String> labels = new ArrayList<>();
    for (Element group : bars(svg)) {
      labels.add(group.getElementsByTagName("text").item(0).getTextContent());
      assertThat(group.getAttribute("data-scenario")).isEqualTo(labels.get(labels.size() - 1));
    }
    return labels;
  }

  private static List<Double> barWidths(Document svg) {
    return bars(svg).stream()
        .map(g -> Double.valueOf(((Element) g.getElementsByTagName("rect").item(0)).getAttribute("width"))).toList();
  }

  private static List<Element> bars(Document svg) {
    NodeList groups = svg.getElementsByTagName("g");
    List<Element> bars = new ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if ("bar".equals(group.getAttribute("class"))) {
        bars.add(group);
      }
    }
    assertThat(bars).as("bar groups").isNotEmpty();
    return bars;
  }
}
