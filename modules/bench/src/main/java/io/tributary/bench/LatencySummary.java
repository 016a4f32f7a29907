package io.tributary.bench;

import java.util.Arrays;

/** Request latency percentiles of a phase, in nanoseconds. */
record LatencySummary(long count, long p50, long p99, long max) {

  static LatencySummary of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no latencies recorded");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /**
   * Nearest-rank percentile: the smallest value such that at least {@code p}% of the values are less than or
   * equal to it. Needs {@code sorted} in ascending order, not empty, and {@code 0 < p <= 100}.
   */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0 || p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile " + p + " of " + sorted.length + " values");
    }
    // p * n first, then one division: exact for whole-number p, so 99% of 1000 values is rank 990, not 991.
    int rank = (int) Math.ceil(p * sorted.length / 100.0);
    return sorted[Math.max(rank, 1) - 1];
  }
}
