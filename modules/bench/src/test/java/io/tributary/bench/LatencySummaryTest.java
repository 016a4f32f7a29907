package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void nearestRankPercentilesOfOneToHundred() {
    long[] sorted = LongStream.rangeClosed(1, 100).toArray();

    assertThat(LatencySummary.percentile(sorted, 50)).isEqualTo(50);
    assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(99);
    assertThat(LatencySummary.percentile(sorted, 100)).isEqualTo(100);
    assertThat(LatencySummary.percentile(sorted, 0.5)).isEqualTo(1);
  }

  @Test
  void ninetyNinthPercentileOfAThousandIsRankNineHundredNinety() {
    long[] sorted = LongStream.rangeClosed(1, 1000).toArray();

    assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(990);
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    assertThat(LatencySummary.of(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7));
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    long[] sorted = {10, 20, 30};

    assertThat(LatencySummary.percentile(sorted, 50)).isEqualTo(20);
    assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(30);
  }

  @Test
  void summarySortsItsInputWithoutChangingIt() {
    long[] unsorted = {5, 1, 4, 2, 3};

    LatencySummary summary = LatencySummary.of(unsorted);

    assertThat(summary).isEqualTo(new LatencySummary(5, 3, 5, 5));
    assertThat(unsorted).containsExactly(5, 1, 4, 2, 3);
  }

  @Test
  void recordersAreMergedBeforeRanking() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    LongStream.rangeClosed(1, 1500).forEach(a::record); // more than the initial capacity: the array grows
    LongStream.rangeClosed(1501, 2000).forEach(b::record);

    LatencySummary summary = LatencyRecorder.summarize(List.of(a, b));

    assertThat(summary).isEqualTo(new LatencySummary(2000, 1000, 1980, 2000));
  }

  @Test
  void nothingRecordedHasNoSummary() {
    assertThat(LatencyRecorder.summarize(List.of(new LatencyRecorder()))).isNull();
  }

  @Test
  void rejectsPercentilesOutsideTheRange() {
    long[] sorted = {1, 2};

    assertThatThrownBy(() -> LatencySummary.percentile(sorted, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(sorted, 100.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
