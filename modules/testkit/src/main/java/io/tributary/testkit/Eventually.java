package io.tributary.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a read until its result satisfies a condition. Kafka applies admin changes (configs, partitions, group
 * membership) asynchronously across its metadata log, so a read right after a write may still see the old state.
 */
public final class Eventually {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Eventually() {}

  /** The first result that satisfies {@code condition}; the last result when none did in time. */
  public static <T> T get(Supplier<T> read, Predicate<T> condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    T result = read.get();
    while (!condition.test(result) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      result = read.get();
    }
    return result;
  }
}
