package io.tributary.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Requests forwarded to the node that holds their consumer instance, tracked per node while they are in flight: when
 * that node leaves the cluster its requests fail at once with 50304 instead of waiting for their (possibly
 * long-poll) timeout. Touched only on the engine's context.
 */
final class Forwarding {
  private final Vertx vertx;
  private final Counter forwarded;
  private final Map<String, Set<Promise<?>>> inFlight = new HashMap<>();

  Forwarding(Vertx vertx, MeterRegistry meters) {
    this.vertx = vertx;
    this.forwarded = Counter.builder("tributary.consumer.forwarded")
        .description("Consumer-instance requests forwarded to the node that holds the instance (cluster mode)")
        .register(meters);
  }

  /** Sends {@code request} to {@code owner}'s engine; failures arrive untranslated (their kind decides a retry). */
  <Q extends BusMessage, R extends BusMessage> Future<R> forward(BusOperation<Q, R> operation, String owner,
      Q request, long timeoutMs) {
    Promise<R> answer = Promise.promise();
    Set<Promise<?>> toOwner = inFlight.computeIfAbsent(owner, node -> new LinkedHashSet<>());
    toOwner.add(answer);
    forwarded.increment();
    operation.onNode(owner).callUntranslated(vertx, request, timeoutMs).onComplete(ar -> {
      Set<Promise<?>> pending = inFlight.get(owner);
      if (pending != null && pending.remove(answer) && pending.isEmpty()) {
        inFlight.remove(owner);
      }
      if (ar.succeeded()) {
        answer.tryComplete(ar.result());
      } else {
        answer.tryFail(ar.cause());
      }
    });
    return answer.future();
  }

  /** {@code node} left the cluster: whatever was forwarded to it will not be answered. */
  void nodeLeft(String node) {
    Set<Promise<?>> pending = inFlight.remove(node);
    if (pending != null) {
      pending.forEach(answer -> answer.tryFail(ErrorCode.CONSUMER_NODE_LEFT.toException()));
    }
  }

  /** How many forwarded requests wait for an answer (for tests). */
  int inFlight() {
    return inFlight.values().stream().mapToInt(Set::size).sum();
  }
}
