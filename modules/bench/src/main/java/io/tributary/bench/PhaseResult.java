package io.tributary.bench;

/**
 * What a phase achieved: records acknowledged by Kafka, requests answered (equal to records for the native
 * producer), wall time from the first send to the last acknowledgement, request latencies (null when the scenario
 * has no requests, e.g. the native producer).
 */
record PhaseResult(long records, long requests, long elapsedNanos, LatencySummary latency) {

  double seconds() {
    return elapsedNanos / 1e9;
  }

  double recordsPerSecond() {
    return elapsedNanos == 0 ? 0 : records / seconds();
  }

  double requestsPerSecond() {
    return elapsedNanos == 0 ? 0 : requests / seconds();
  }
}
