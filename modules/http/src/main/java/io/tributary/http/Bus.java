package io.tributary.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
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
   *     address (a fixed set, io.tributary.core.bus.Addresses) and outcome
   */
  public Bus(Vertx vertx, long defaultTimeoutMs, MeterRegistry meters) {
    this.vertx = vertx;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.meters = meters;
  }

  /** Sends {@code message} to {@code address} and answers with the reply record. */
  public <T> Future<T> request(String address, BusMessage message) {
    return request(address, message, defaultTimeoutMs);
  }

  /** As {@link #request(String, BusMessage)}, for operations that may legally wait longer (long polls). */
  @SuppressWarnings("unchecked")
  public <T> Future<T> request(String address, BusMessage message, long timeoutMs) {
    long startNanos = System.nanoTime();
    return vertx.eventBus().<Object>request(address, message, new DeliveryOptions().setSendTimeout(timeoutMs))
        .andThen(ar -> Timer.builder("tributary.bus.requests").tag("address", address)
            .tag("outcome", ar.succeeded() ? "success" : "failure").register(meters)
            .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS))
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture((T) ar.result().body())
            : Future.failedFuture(BusFailures.fromReply(ar.cause())));
  }

  public long defaultTimeoutMs() {
    return defaultTimeoutMs;
  }
}
