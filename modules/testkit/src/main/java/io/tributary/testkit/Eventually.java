package io.tributary.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a read until its result satisfies a condition. Kafka applies admin changes (configs, partitions, group
 * membership) asynchronously across its metadata log, and a consumer group takes a while to form, so a read right
 * after a write may still see the old state. The patience is generous, so that a busy machine never runs out of it:
 * it only bounds how long a failing test takes to say so (the JUnit default timeout is the last resort).
 */
public final class Eventually {
  /** How long a condition may take to hold. */
  public static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final long PAUSE_MS = 100;

  private Eventually() {}

  /** The first result that satisfies {@code condition}; the last result when none did in time. */
  public static <T> T get(Supplier<T> read, Predicate<T> condition) {
    return get(read, condition, PATIENCE);
  }

  /** As {@link #get(Supplier, Predicate)}, giving up after {@code patience}. */
  public static <T> T get(Supplier<T> read, Predicate<T> condition, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    T result = read.get();
    while (!condition.test(result) && System.nanoTime() < deadline) {
      pause();
      result = read.get();
    }
    return result;
  }

  /**
   * Repeats {@code attempt} until it returns something; that, or null when it never did in time. Attempts may
   * assert on what they see on the way (e.g. that a read before the failure returned nothing).
   */
  public static <T> T first(Supplier<T> attempt) {
    return get(attempt, Objects::nonNull);
  }

  /**
   * Repeats {@code read}, keeping everything it returns, until at least {@code expected} items arrived; all of them
   * (fewer when time ran out, for the caller to assert on).
   */
  public static <T> List<T> collect(Supplier<? extends Iterable<? extends T>> read, int expected) {
    List<T> all = new ArrayList<>();
    get(() -> {
      read.get().forEach(all::add);
      return all.size();
    }, size -> size >= expected);
    return all;
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
