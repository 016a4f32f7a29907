package io.tributary.http.auth;

import io.vertx.core.Future;

/**
 * Where a principal's request permits come from: this node's token buckets ({@link RateLimiter}) or a count shared
 * by the nodes of a cluster ({@code rate.limit.backend=cluster}).
 */
@FunctionalInterface
public interface PermitSource {
  /**
   * Takes a permit for {@code principal}: 0 when one is available now, the nanoseconds to wait for it when that is at
   * most {@code maxWaitNanos}, or -1 (nothing taken) when it would be later. Completes on the caller's context.
   */
  Future<Long> reserve(String principal, long maxWaitNanos);
}
