package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.error.ErrorCode;
import io.tributary.kafka.KafkaErrors;
import io.tributary.kafka.SerialExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.FencedInstanceIdException;

/**
 * One REST consumer instance as the engine's context sees it. Its Kafka side ({@link ConfinedConsumer}) is reached
 * only through {@link #call}, which runs operations one at a time on the instance's serial executor (a slot on the
 * shared consumer pool) and completes them back on the engine's context. Everything else here is touched only on
 * that context.
 */
final class ConsumerInstance {
  private final ConsumerRef ref;
  private final InstanceSettings settings;
  private final Context context;
  private final SerialExecutor executor;
  // Written and read only by tasks on the serial executor, which orders them one after another.
  private ConfinedConsumer confined;
  private long lastUsedNanos = System.nanoTime();
  private int inFlight;
  private boolean keepAlivePending;
  private boolean gone;
  // What a request finds once the instance is closed here: 40403, or 50304 when it lives on at another node.
  private volatile ErrorCode goneAnswer = ErrorCode.CONSUMER_INSTANCE_NOT_FOUND;
  // Cluster mode: told once when Kafka fenced this copy (a newer copy on another node took its static membership).
  private Runnable onFenced = () -> {};

  ConsumerInstance(ConsumerRef ref, InstanceSettings settings, Context context, Executor pool) {
    this.ref = ref;
    this.settings = settings;
    this.context = context;
    this.executor = new SerialExecutor(pool);
  }

  ConsumerRef ref() {
    return ref;
  }

  InstanceSettings settings() {
    return settings;
  }

  /** Creates the Kafka side on the instance's own executor (constructing a KafkaConsumer is not free). */
  Future<Void> open(Supplier<ConfinedConsumer> opener) {
    return Offload.call(context, executor, () -> {
      confined = opener.get();
      return null;
    });
  }

  /**
   * Runs one step against the Kafka side; 40403 once the instance is deleted or expired. The Kafka consumer's
   * IllegalStateException (assign while subscribed, seek on a partition not held, read with nothing to read) is
   * the client's doing, not a fault: 40903 with Kafka's explanation, as the original answered.
   */
  <T> Future<T> call(Function<ConfinedConsumer, T> step) {
    if (gone) {
      return Future.failedFuture(goneAnswer.toException());
    }
    return Offload.<T>call(context, executor, () -> {
      if (confined == null || confined.isClosed()) {
        throw goneAnswer.toException();
      }
      try {
        return step.apply(confined);
      } catch (IllegalStateException e) {
        throw ErrorCode.ILLEGAL_STATE.toException(ErrorCode.ILLEGAL_STATE.message() + ": " + e.getMessage());
      }
    }).recover(error -> KafkaErrors.unwrap(error) instanceof FencedInstanceIdException ? fenced()
        : Future.failedFuture(error));
  }

  /** Cluster mode: what to do once Kafka fenced this copy (forget and close it). */
  void onFenced(Runnable action) {
    this.onFenced = action;
  }

  /**
   * A copy of this instance on another node joined its group as the same static member, so Kafka fenced this one:
   * the newer copy serves the instance, this one is over. Its requests answer 50304, which a client retries (and the
   * retry finds the instance where the cluster's directory lists it).
   */
  private <T> Future<T> fenced() {
    goneAnswer = ErrorCode.CONSUMER_NODE_LEFT;
    if (!gone) {
      gone = true;
      onFenced.run();
    }
    return Future.failedFuture(ErrorCode.CONSUMER_NODE_LEFT.toException(
        "This consumer instance is now served by another node of the cluster; retry the request."));
  }

  /** Whether the instance was deleted or expired. */
  boolean isGone() {
    return gone;
  }

  /**
   * Marks a whole client operation (a read may span many steps and timer waits): it refreshes the idle timer at
   * both ends and keeps the instance from expiring while it runs.
   */
  <T> Future<T> track(Supplier<Future<T>> operation) {
    inFlight++;
    lastUsedNanos = System.nanoTime();
    Future<T> result;
    try {
      result = operation.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.andThen(ar -> {
      inFlight--;
      lastUsedNanos = System.nanoTime();
    });
  }

  /**
   * Between client operations, lets the Kafka side answer its group's rebalances. Does not count as use (an
   * abandoned instance must still expire), and never queues behind itself when the pool is busy.
   */
  void keepInGroup() {
    if (inFlight > 0 || keepAlivePending || gone) {
      return;
    }
    keepAlivePending = true;
    call(consumer -> {
      consumer.keepInGroup();
      return null;
    }).onComplete(ignored -> keepAlivePending = false);
  }

  /** When a client operation last started or ended (System.nanoTime). */
  long lastUsedNanos() {
    return lastUsedNanos;
  }

  boolean idleLongerThan(long timeoutMs, long nowNanos) {
    return inFlight == 0 && nowNanos - lastUsedNanos > timeoutMs * 1_000_000L;
  }

  /**
   * Closes this node's copy of an instance that lives on elsewhere (cluster mode: this node stops, or another node
   * owns it): requests still running or queued here fail with 50304, which a client retries, rather than 40403.
   */
  Future<Void> closeHandingOver() {
    goneAnswer = ErrorCode.CONSUMER_NODE_LEFT;
    return close();
  }

  /** Leaves the group and closes the client on the instance's executor, after the steps already queued. */
  Future<Void> close() {
    gone = true;
    return Offload.call(context, executor, () -> {
      if (confined != null) {
        confined.close();
      }
      return null;
    });
  }
}
