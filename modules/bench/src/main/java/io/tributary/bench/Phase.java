package io.tributary.bench;

import java.time.Duration;

/**
 * One bounded stretch of load: stop issuing work after {@code maxRecords} records or once {@code timeLimit} has
 * passed since the phase started, whichever comes first; work already in flight is waited for and counted.
 */
record Phase(String name, long maxRecords, Duration timeLimit) {

  boolean isEmpty() {
    return maxRecords == 0 || timeLimit.isZero();
  }

  /** The {@link System#nanoTime()} after which no new work starts, for a phase starting at {@code startNanos}. */
  long deadline(long startNanos) {
    return startNanos + timeLimit.toNanos();
  }
}
