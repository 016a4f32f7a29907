package io.tributary.bench;

/**
 * The run is invalid: a request was rejected, a record failed, or Kafka holds a different number of records than
 * were acknowledged. The harness stops and exits non-zero rather than report a figure that would be wrong.
 */
final class BenchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchFailure(String message) {
    super(message);
  }

  BenchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
