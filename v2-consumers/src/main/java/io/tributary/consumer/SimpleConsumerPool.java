package io.tributary.consumer;

import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * At most {@code simpleconsumer.pool.size.max} group-less consumers for v1 simple partition reads (0 = no cap).
 * A read borrows a slot for its whole duration; when all are busy it waits up to
 * {@code simpleconsumer.pool.timeout.ms} (0 = as long as it takes) and then fails with 50301. Slots are filled
 * lazily by the read that first uses them. The bookkeeping runs on the engine's context.
 */
final class SimpleConsumerPool {
  /** A pool place; its consumer is touched only by the read currently holding the slot. */
  static final class Slot {
    Consumer<byte[], byte[]> consumer;
  }

  private final Vertx vertx;
  private final int max;
  private final long waitMs;
  private final ArrayDeque<Slot> idle = new ArrayDeque<>();
  private final ArrayDeque<Promise<Slot>> waiters = new ArrayDeque<>();
  private final List<Slot> all = new ArrayList<>();

  SimpleConsumerPool(Vertx vertx, int max, long waitMs) {
    this.vertx = vertx;
    this.max = max;
    this.waitMs = waitMs;
  }

  Future<Slot> borrow() {
    Slot slot = idle.pollFirst();
    if (slot != null) {
      return Future.succeededFuture(slot);
    }
    if (max == 0 || all.size() < max) {
      slot = new Slot();
      all.add(slot);
      return Future.succeededFuture(slot);
    }
    Promise<Slot> waiter = Promise.promise();
    waiters.addLast(waiter);
    if (waitMs > 0) {
      vertx.setTimer(waitMs, id -> {
        if (waiters.remove(waiter)) {
          waiter.fail(ErrorCode.NO_SIMPLE_CONSUMER_AVAILABLE.toException());
        }
      });
    }
    return waiter.future();
  }

  void giveBack(Slot slot) {
    Promise<Slot> waiter = waiters.pollFirst();
    if (waiter != null) {
      waiter.complete(slot);
    } else {
      idle.addFirst(slot);
    }
  }

  /** Empties the pool for shutdown: the consumers of idle slots, which the caller closes. */
  List<Consumer<byte[], byte[]>> drain() {
    List<Consumer<byte[], byte[]>> consumers = new ArrayList<>();
    for (Slot slot : idle) {
      if (slot.consumer != null) {
        consumers.add(slot.consumer);
        slot.consumer = null;
      }
    }
    idle.clear();
    waiters.forEach(w -> w.tryFail(ErrorCode.SERVICE_UNAVAILABLE.toException("The proxy is shutting down.")));
    waiters.clear();
    return consumers;
  }
}
