package io.tributary.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerLagsTest {
  @Test
  void theSummaryIsTheFirstLargestLagAndTheSum() {
    ConsumerLags lags = new ConsumerLags("g", List.of(lag("a", 0, 5, 5), lag("a", 1, 2, 9), lag("b", 0, 0, 7)));

    assertThat(lags.maxLag()).get().extracting(ConsumerLag::topic, ConsumerLag::partition)
        .containsExactly("a", 1);
    assertThat(lags.totalLag()).isEqualTo(14);
  }

  @Test
  void aCommitAheadOfTheEndReadEarlierIsNoNegativeLag() {
    assertThat(lag("a", 0, 10, 9).lag()).isZero();
    assertThat(new ConsumerLags("g", List.of()).maxLag()).isEmpty();
  }

  private static ConsumerLag lag(String topic, int partition, long current, long end) {
    return new ConsumerLag(topic, partition, current, end, "", null, "");
  }
}
