package io.tributary.http.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per principal: {@code permitsPerSecond} refill continuously, and a bucket holds at most one
 * second's worth, so an idle principal may burst that much. Shared by every HTTP verticle; thread-safe.
 */
public final class RateLimiter {
  private static final int SWEEP_THRESHOLD = 10_000;

  private final double permitsPerNano;
  private final double capacity;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int permitsPerSecond) {
    this(permitsPerSecond, System::nanoTime);
  }

  RateLimiter(int permitsPerSecond, LongSupplier clock) {
    this.permitsPerNano = permitsPerSecond / (double) TimeUnit.SECONDS.toNanos(1);
    this.capacity = permitsPerSecond;
    this.clock = clock;
  }

  /**
   * Takes a permit for {@code principal}: 0 when one is available now, the nanoseconds until the reserved permit
   * becomes valid when that is at most {@code maxWaitNanos}, or -1 (nothing taken) when it would be later.
   */
  public long reserve(String principal, long maxWaitNanos) {
    long now = clock.getAsLong();
    if (buckets.size() >= SWEEP_THRESHOLD) {
      // Principals come and go (JWT subjects); a full bucket carries no state worth keeping.
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(principal, p -> new Bucket(now)).reserve(now, maxWaitNanos);
  }

  private final class Bucket {
    private double tokens = capacity;
    private long updated;

    Bucket(long now) {
      this.updated = now;
    }

    synchronized long reserve(long now, long maxWaitNanos) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      long wait = (long) Math.ceil((1 - tokens) / permitsPerNano);
      if (wait > maxWaitNanos) {
        return -1;
      }
      tokens -= 1;
      return wait;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > updated) {
        tokens = Math.min(capacity, tokens + (now - updated) * permitsPerNano);
        updated = now;
      }
    }
  }
}
