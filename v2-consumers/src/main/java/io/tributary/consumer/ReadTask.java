package io.tributary.consumer;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ReadResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One long-poll read. No thread waits for data for long: each step is a short poll on the instance's executor.
 * The read ends at its deadline, when the answer is full (the next record would exceed the byte budget) or when it
 * holds more than {@code fetch.min.bytes}. While the consumer is returning records (or has just started to look for
 * them) the next step follows at once, so no fetch response waits unread; only a run of empty polls backs off, a
 * little longer each time, up to {@link #BACKOFF_MS}. Until the group has assigned partitions the polls find
 * nothing, so a first read keeps trying until its deadline instead of answering {@code []} at once; those polls are
 * longer ({@link ConfinedConsumer#JOIN_SLICE}), so that each step of the join is answered as soon as the broker
 * replies. Records not taken stay buffered in the instance for the next read.
 */
final class ReadTask {
  /** How long one poll may hold a pool thread. */
  static final Duration POLL_SLICE = Duration.ofMillis(10);
  /** The longest wait between polls that found nothing (kafka-rest's consumer.iterator.backoff.ms). */
  static final long BACKOFF_MS = 50;
  /** Empty polls in a row that are retried at once before the back-off starts (a fetch may be on its way). */
  static final int EMPTY_POLLS_WITHOUT_BACKOFF = 3;

  private record Step(List<ConsumedRecord> taken, boolean full) {}

  private final Vertx vertx;
  private final ConsumerInstance instance;
  private final String topic;
  private final long budget;
  private final int fetchMinBytes;
  private final long deadlineNanos;
  private final Promise<ReadResult> promise = Promise.promise();
  private final List<ConsumedRecord> collected = new ArrayList<>();
  private long bytes;
  private boolean first = true;
  private int emptyPolls;

  /**
   * @param topic v1's implicitly subscribed topic, or null
   * @param budget the most key+value bytes to return
   * @param waitMs the longest to wait
   */
  ReadTask(Vertx vertx, ConsumerInstance instance, String topic, long budget, int fetchMinBytes, long waitMs) {
    this.vertx = vertx;
    this.instance = instance;
    this.topic = topic;
    this.budget = budget;
    this.fetchMinBytes = fetchMinBytes;
    this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
  }

  Future<ReadResult> run() {
    step();
    return promise.future();
  }

  private void step() {
    String subscribeTo = first ? topic : null;
    first = false;
    long remaining = budget - bytes;
    boolean atLeastOne = collected.isEmpty();
    instance.call(consumer -> {
      if (subscribeTo != null) {
        consumer.subscribeImplicitly(subscribeTo);
      }
      consumer.pollUnlessBuffered(remaining, POLL_SLICE, timeLeft());
      List<ConsumedRecord> taken = consumer.take(remaining, atLeastOne);
      return new Step(taken, consumer.hasBuffered());
    }).onComplete(ar -> {
      if (ar.succeeded()) {
        afterStep(ar.result());
      } else {
        fail(ar.cause());
      }
    });
  }

  private void afterStep(Step step) {
    collected.addAll(step.taken());
    step.taken().forEach(r -> bytes += r.size());
    long left = deadlineNanos - System.nanoTime();
    // With the budget used up not even the smallest record fits: no reason to wait for one.
    boolean full = step.full() || bytes >= budget;
    boolean enough = fetchMinBytes >= 0 && bytes > fetchMinBytes;
    if (full || enough || left <= 0) {
      promise.complete(new ReadResult(collected));
      return;
    }
    emptyPolls = step.taken().isEmpty() ? emptyPolls + 1 : 0;
    long delay = backoffMs(emptyPolls);
    if (delay == 0) {
      step();
      return;
    }
    vertx.setTimer(Math.max(1, Math.min(delay, TimeUnit.NANOSECONDS.toMillis(left))), id -> step());
  }

  /**
   * No wait after a poll that returned records or after the first few empty ones (a fetch response may be on its
   * way); then 1, 2, 4 … ms, capped at {@link #BACKOFF_MS}, so an instance with nothing to read costs little.
   */
  static long backoffMs(int emptyPolls) {
    if (emptyPolls <= EMPTY_POLLS_WITHOUT_BACKOFF) {
      return 0;
    }
    int doublings = Math.min(emptyPolls - EMPTY_POLLS_WITHOUT_BACKOFF - 1, 6);
    return Math.min(BACKOFF_MS, 1L << doublings);
  }

  private Duration timeLeft() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** A failed step keeps nothing back: records already taken go back to the instance for the next read. */
  private void fail(Throwable error) {
    if (collected.isEmpty()) {
      promise.fail(error);
      return;
    }
    if (instance.isGone()) {
      // Deleted or expired during the read: there is no instance to hand records back to, and its close has
      // counted them as consumed (and committed them under auto-commit), so they are answered, not dropped.
      promise.complete(new ReadResult(collected));
      return;
    }
    List<ConsumedRecord> giveBack = List.copyOf(collected);
    instance.call(consumer -> {
      consumer.requeue(giveBack);
      return null;
    }).onComplete(ignored -> promise.fail(error));
  }
}
