package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(42 * SECOND);
  private final RateLimiter limiter = new RateLimiter(2, now::get);

  @Test
  void aPrincipalMayBurstOneSecondsWorthThenWaitsForRefill() {
    assertThat(limiter.reserve("a", 0)).isZero();
    assertThat(limiter.reserve("a", 0)).isZero();
    assertThat(limiter.reserve("a", 0)).isEqualTo(-1);

    now.addAndGet(SECOND / 2);
    assertThat(limiter.reserve("a", 0)).isZero();
    assertThat(limiter.reserve("a", 0)).isEqualTo(-1);
  }

  @Test
  void principalsHaveBucketsOfTheirOwn() {
    limiter.reserve("a", 0);
    limiter.reserve("a", 0);

    assertThat(limiter.reserve("a", 0)).isEqualTo(-1);
    assertThat(limiter.reserve("b", 0)).isZero();
  }

  @Test
  void aRequestMayWaitForItsPermitWithinTheTimeoutAndThatPermitIsTaken() {
    limiter.reserve("a", 0);
    limiter.reserve("a", 0);

    assertThat(limiter.reserve("a", SECOND)).isEqualTo(SECOND / 2);
    // The permit that refills next is promised to the waiting request.
    assertThat(limiter.reserve("a", SECOND / 2)).isEqualTo(-1);
    assertThat(limiter.reserve("a", SECOND)).isEqualTo(SECOND);
  }
}
