package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermitLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFreshLimiterLetsOneRequestThroughAndThenSpacesThemOut() {
    PermitLimiter limiter = new PermitLimiter(2, 0);

    assertThat(limiter.tryAcquire(1, 0)).isTrue();
    assertThat(limiter.tryAcquire(1, 0)).isFalse();
    assertThat(limiter.tryAcquire(1, SECOND / 2 - 1)).isFalse();
    assertThat(limiter.tryAcquire(1, SECOND / 2)).isTrue();
  }

  @Test
  void idleTimeSavesUpToOneSecondOfPermits() {
    PermitLimiter limiter = new PermitLimiter(3, 0);

    int granted = 0;
    for (int i = 0; i < 10; i++) {
      granted += limiter.tryAcquire(1, 10 * SECOND) ? 1 : 0;
    }

    // three saved permits, plus one taken on credit
    assertThat(granted).isEqualTo(4);
  }

  @Test
  void aRequestLargerThanTheRateGoesThroughAndDelaysTheNext() {
    PermitLimiter limiter = new PermitLimiter(100, 0);

    assertThat(limiter.tryAcquire(1_000, 0)).isTrue();
    assertThat(limiter.tryAcquire(1, 9 * SECOND)).isFalse();
    assertThat(limiter.tryAcquire(1, 10 * SECOND)).isTrue();
  }
}
