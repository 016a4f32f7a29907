package io.tributary.produce.v3;

/**
 * A permits-per-second limiter that never waits: a request either gets its permits now or is refused. It behaves
 * like the Guava limiter kafka-rest used: permits unused while idle are saved for up to one second's worth (a
 * burst), and a request may take more permits than are saved, which then delays the next one (so a single large
 * record is never refused outright). Thread-safe.
 */
final class PermitLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double nanosPerPermit;
  private final double maxSaved;
  private double saved;
  private long nextFreeNanos;

  PermitLimiter(double permitsPerSecond, long nowNanos) {
    this.nanosPerPermit = NANOS_PER_SECOND / permitsPerSecond;
    this.maxSaved = permitsPerSecond;
    this.nextFreeNanos = nowNanos;
  }

  /** Takes {@code permits} when the limiter is not in debt at {@code nowNanos}; false (nothing taken) otherwise. */
  synchronized boolean tryAcquire(long permits, long nowNanos) {
    if (nowNanos - nextFreeNanos > 0) {
      saved = Math.min(maxSaved, saved + (nowNanos - nextFreeNanos) / nanosPerPermit);
      nextFreeNanos = nowNanos;
    }
    if (nextFreeNanos - nowNanos > 0) {
      return false;
    }
    double fromSaved = Math.min(permits, saved);
    saved -= fromSaved;
    double debtNanos = (permits - fromSaved) * nanosPerPermit;
    nextFreeNanos += (long) Math.min(debtNanos, Long.MAX_VALUE / 4.0);
    return true;
  }
}
