package io.tributary.bench;

import java.util.Arrays;

/**
 * Collects request latencies (nanoseconds) of one connection. Not thread-safe: each connection loop owns one and
 * only its event loop writes to it; {@link #summarize} merges them after the phase has ended.
 */
final class LatencyRecorder {
  // Exact values rather than a bucketed histogram: a phase is bounded by its record count, so at most a few
  // million longs, and exact percentiles need no explanation.
  private long[] values = new long[1024];
  private int size;

  void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** Percentiles over every value of every recorder; null when nothing was recorded. */
  static LatencySummary summarize(Iterable<LatencyRecorder> recorders) {
    int total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
    }
    if (total == 0) {
      return null;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.values, 0, all, at, r.size);
      at += r.size;
    }
    return LatencySummary.of(all);
  }
}
