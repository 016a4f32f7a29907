package io.tributary.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** How routes talk to engines: one request, one reply record, failures as {@code TributaryException}. */
public final class Bus {
  private final Vertx vertx;
  private final long defaultTimeoutMs;
  private final MeterRegistry meters;

  public Bus(Vertx vertx, long defaultTimeoutMs) {
    this(vertx, defaultTimeoutMs, new CompositeMeterRegistry());
  }

  /**
   * @param meters where {@code tributary.bus.requests} goes: the time from request to the engine's reply, by
   *     address (a fixed set: the BusOperation constants in io.tributary.core.bus) and outcome
   */
  public Bus(Vertx vertx, long defaultTimeoutMs, MeterRegistry meters) {
    this.vertx = vertx;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.meters = meters;
  }

  /** Sends {@code message} to {@code operation}'s engine and answers with its reply, within {@code bus.timeout.ms}. */
  public <Q extends BusMessage, R extends BusMessage> Future<R> request(BusOperation<Q, R> operation, Q message) {
    return request(operation, message, defaultTimeoutMs);
  }

  /** As {@link #request(BusOperation, BusMessage)}, for operations that may legally wait longer (long polls). */
  public <Q extends BusMessage, R extends BusMessage> Future<R> request(BusOperation<Q, R> operation, Q message,
      long timeoutMs) {
    long startNanos = System.nanoTime();
    return operation.call(vertx, message, timeoutMs)
        .andThen(ar -> Timer.builder("tributary.bus.requests").tag("address", operation.address())
            .tag("outcome", ar.succeeded() ? "success" : "failure").register(meters)
            .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS));
  }

  public long defaultTimeoutMs() {
    return defaultTimeoutMs;
  }
}
