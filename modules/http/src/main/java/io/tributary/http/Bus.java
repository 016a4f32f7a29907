package io.tributary.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** How routes talk to engines: one request, one reply record, failures as {@code TributaryException}. */
public final class Bus {
  private final Vertx vertx;
  private final long defaultTimeoutMs;
  private final MeterRegistry meters;
  /** Per address: the success and failure timers (a Bus belongs to one event loop; racing writers are harmless). */
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

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
        .andThen(ar -> timer(operation, ar.succeeded()).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS));
  }

  /**
   * The timer of an operation and outcome, registered once: building and registering it again for every request
   * (tags sorted, the registry's map looked up, the composite's children walked) cost more than the recording.
   */
  private Timer timer(BusOperation<?, ?> operation, boolean succeeded) {
    Timer[] timers = this.timers.computeIfAbsent(operation.address(), address -> new Timer[2]);
    int outcome = succeeded ? 0 : 1;
    Timer timer = timers[outcome];
    if (timer == null) {
      timer = Timer.builder("tributary.bus.requests").tag("address", operation.address())
          .tag("outcome", succeeded ? "success" : "failure").register(meters);
      timers[outcome] = timer;
    }
    return timer;
  }

  public long defaultTimeoutMs() {
    return defaultTimeoutMs;
  }
}
