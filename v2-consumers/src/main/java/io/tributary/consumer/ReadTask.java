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
 * One long-poll read. No thread waits for data: each step is a short poll on the instance's executor, and
 * between steps a Vert.x timer waits. The read ends at its deadline, when the answer is full (the next record
 * would exceed the byte budget) or when it holds more than {@code fetch.min.bytes}. Until the group has assigned
 * partitions the polls find nothing, so a first read keeps trying until its deadline instead of answering
 * {@code []} at once. Records not taken stay buffered in the instance for the next read.
 */
final class ReadTask {
  /** How long one poll may hold a pool thread. */
  static final Duration POLL_SLICE = Duration.ofMillis(10);
  /** The wait between polls that found nothing (kafka-rest's consumer.iterator.backoff.ms). */
  static final long BACKOFF_MS = 50;

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
      consumer.pollUnlessBuffered(remaining, POLL_SLICE);
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
    boolean enough = fetchMinBytes >= 0 && bytes > fetchMinBytes;
    if (step.full() || enough || left <= 0) {
      promise.complete(new ReadResult(collected));
      return;
    }
    // Data is flowing: come straight back for more. Nothing arrived: back off, but never past the deadline.
    long delay = step.taken().isEmpty() ? BACKOFF_MS : 1;
    delay = Math.max(1, Math.min(delay, TimeUnit.NANOSECONDS.toMillis(left)));
    vertx.setTimer(delay, id -> step());
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
