package io.tributary.produce.v3;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The v3 produce rate limits ({@code api.v3.produce.rate.limit.*}), applied per record as kafka-rest did: global
 * record count, global bytes, then record count and bytes per cluster id (the id in the request path). One
 * instance per Vert.x instance, shared by every HTTP verticle, so that the global limits hold for the process.
 */
final class ProduceRateLimits implements Shareable {
  private static final String MAP = "tributary.v3.produce.rate-limits";
  private static final int SWEEP_THRESHOLD = 1_000;
  private static final int MAX_CLUSTER_IDS = 10_000;

  private final LongSupplier clock;
  private final double countPerSecond;
  private final double bytesPerSecond;
  private final long expiryNanos;
  private final PermitLimiter globalCount;
  private final PermitLimiter globalBytes;
  private final Map<String, ClusterLimits> clusters = new ConcurrentHashMap<>();

  private static final class ClusterLimits {
    final PermitLimiter count;
    final PermitLimiter bytes;
    volatile long lastUsed;

    ClusterLimits(double countPerSecond, double bytesPerSecond, long now) {
      this.count = new PermitLimiter(countPerSecond, now);
      this.bytes = new PermitLimiter(bytesPerSecond, now);
      this.lastUsed = now;
    }
  }

  ProduceRateLimits(TributaryConfig config, LongSupplier clock) {
    this.clock = clock;
    long now = clock.getAsLong();
    this.countPerSecond = config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_PER_SEC);
    this.bytesPerSecond = config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_PER_SEC);
    this.expiryNanos = config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_CACHE_EXPIRY_MS) * 1_000_000L;
    this.globalCount = new PermitLimiter(config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_GLOBAL_PER_SEC),
        now);
    this.globalBytes = new PermitLimiter(config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_GLOBAL_PER_SEC),
        now);
  }

  /** The process's limits, or null when {@code api.v3.produce.rate.limit.enabled} is off. */
  static ProduceRateLimits shared(Vertx vertx, TributaryConfig config) {
    if (!config.get(ConfigKeys.API_V3_PRODUCE_RATE_LIMIT_ENABLED)) {
      return null;
    }
    return vertx.sharedData().<String, ProduceRateLimits>getLocalMap(MAP)
        .computeIfAbsent("limits", k -> new ProduceRateLimits(config, System::nanoTime));
  }

  /** Whether a record of {@code bytes} for {@code clusterId} may go now; permits already taken are not returned. */
  boolean tryAcquire(String clusterId, long bytes) {
    long now = clock.getAsLong();
    if (!globalCount.tryAcquire(1, now) || !globalBytes.tryAcquire(bytes, now)) {
      return false;
    }
    ClusterLimits limits = clusters.get(clusterId);
    if (limits == null) {
      sweep(now);
      limits = clusters.computeIfAbsent(clusterId, id -> new ClusterLimits(countPerSecond, bytesPerSecond, now));
    }
    limits.lastUsed = now;
    return limits.count.tryAcquire(1, now) && limits.bytes.tryAcquire(bytes, now);
  }

  // Cluster ids come from request paths (produce does not check them), so unused ones are forgotten after the
  // configured expiry, and a flood of made-up ids cannot grow the map without bound; the global limits still hold.
  private void sweep(long now) {
    if (clusters.size() >= SWEEP_THRESHOLD) {
      clusters.values().removeIf(l -> now - l.lastUsed > expiryNanos);
      if (clusters.size() >= MAX_CLUSTER_IDS) {
        clusters.clear();
      }
    }
  }
}
