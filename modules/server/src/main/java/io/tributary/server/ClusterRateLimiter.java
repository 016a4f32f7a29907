package io.tributary.server;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import io.tributary.http.auth.PermitSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code rate.limit.backend=cluster}: each principal's requests counted across the nodes, in one-second windows
 * (wall-clock seconds, which the nodes share closely enough). One atomic increment per request on the Hazelcast
 * member that owns the principal's window, without blocking the event loop; windows expire by themselves. A request
 * over the limit waits for the next window when {@code rate.limit.timeout.ms} allows it, and counts there.
 */
final class ClusterRateLimiter implements PermitSource {
  static final String MAP = "tributary.rate.limit";
  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Vertx vertx;
  private final IMap<String, Long> windows;
  private final int permitsPerSecond;
  private final LongSupplier clockMillis;

  ClusterRateLimiter(Vertx vertx, HazelcastInstance hazelcast, int permitsPerSecond) {
    this(vertx, hazelcast, permitsPerSecond, System::currentTimeMillis);
  }

  ClusterRateLimiter(Vertx vertx, HazelcastInstance hazelcast, int permitsPerSecond, LongSupplier clockMillis) {
    this.vertx = vertx;
    this.windows = hazelcast.getMap(MAP);
    this.permitsPerSecond = permitsPerSecond;
    this.clockMillis = clockMillis;
  }

  @Override
  public Future<Long> reserve(String principal, long maxWaitNanos) {
    long now = clockMillis.getAsLong();
    long second = now / 1000;
    long untilNext = TimeUnit.MILLISECONDS.toNanos(1000 - now % 1000);
    return count(principal, second).compose(count -> {
      if (count <= permitsPerSecond) {
        return Future.succeededFuture(0L);
      }
      if (untilNext > maxWaitNanos) {
        return Future.succeededFuture(-1L);
      }
      // Over this window's limit: the request may wait for the next one, where it counts like any other.
      return count(principal, second + 1).map(next -> next <= permitsPerSecond ? untilNext : -1L);
    });
  }

  private Future<Long> count(String principal, long second) {
    return Future.fromCompletionStage(windows.submitToKey(principal + "@" + second, new Increment()),
        vertx.getOrCreateContext());
  }

  /** Adds one to a window's count where the entry lives; the entry outlives its window by a second, then goes. */
  static final class Increment implements EntryProcessor<String, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long process(Map.Entry<String, Long> entry) {
      long next = entry.getValue() == null ? 1 : entry.getValue() + 1;
      ((ExtendedMapEntry<String, Long>) entry).setValue(next, 2 * WINDOW_NANOS, TimeUnit.NANOSECONDS);
      return next;
    }
  }
}
