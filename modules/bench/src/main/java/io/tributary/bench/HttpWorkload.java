package io.tributary.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * One kind of HTTP request that {@link HttpLoadDriver} repeats in a closed loop: the same request every time, and
 * a check of each answer. Implementations are immutable; the driver calls them from several event loops.
 */
interface HttpWorkload {

  /** Method, path and headers of the request for {@code topic}; the path is relative to {@code basePath}. */
  RequestOptions request(String basePath, String topic);

  /** The request body, built once and sent unchanged every time. */
  Buffer body();

  /** Records each request carries; the driver claims this many from the phase's budget per request. */
  int recordsPerRequest();

  /**
   * Checks one answer and returns how many records it acknowledged; throws {@link BenchFailure} when the answer
   * is anything but complete success, so that a rejected record can never be counted as throughput.
   */
  int acceptedRecords(int status, Buffer body);
}
