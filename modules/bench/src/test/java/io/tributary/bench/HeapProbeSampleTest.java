package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapProbeSampleTest {

  @Test
  void differenceToTheBaselineInMebibytesAndThreads() {
    HeapProbe.Sample baseline = new HeapProbe.Sample(100L * 1024 * 1024, 40);
    HeapProbe.Sample later = new HeapProbe.Sample(150L * 1024 * 1024 + 512 * 1024, 52);

    assertThat(later.since(baseline)).isEqualTo("+50.5 MiB heap, +12 threads (52 live)");
  }

  @Test
  void aShrinkIsNegative() {
    HeapProbe.Sample baseline = new HeapProbe.Sample(10L * 1024 * 1024, 40);

    assertThat(new HeapProbe.Sample(9L * 1024 * 1024, 38).since(baseline))
        .isEqualTo("-1.0 MiB heap, -2 threads (38 live)");
  }
}
