package io.tributary.http;

import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** How routes talk to engines: one request, one reply record, failures as {@code TributaryException}. */
public final class Bus {
  private final Vertx vertx;
  private final long defaultTimeoutMs;

  public Bus(Vertx vertx, long defaultTimeoutMs) {
    this.vertx = vertx;
    this.defaultTimeoutMs = defaultTimeoutMs;
  }

  /** Sends {@code message} to {@code address} and answers with the reply record. */
  public <T> Future<T> request(String address, BusMessage message) {
    return request(address, message, defaultTimeoutMs);
  }

  /** As {@link #request(String, BusMessage)}, for operations that may legally wait longer (long polls). */
  @SuppressWarnings("unchecked")
  public <T> Future<T> request(String address, BusMessage message, long timeoutMs) {
    return vertx.eventBus().<Object>request(address, message, new DeliveryOptions().setSendTimeout(timeoutMs))
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture((T) ((Message<Object>) ar.result()).body())
            : Future.failedFuture(BusFailures.fromReply(ar.cause())));
  }

  public long defaultTimeoutMs() {
    return defaultTimeoutMs;
  }
}
