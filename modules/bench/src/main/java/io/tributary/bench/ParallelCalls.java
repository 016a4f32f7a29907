package io.tributary.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Runs numbered asynchronous calls, call {@code i} for {@code i = 0, 1, 2, ...}, with at most {@code concurrency}
 * in flight, until {@code maxCalls} have been made or the deadline has passed; each call's future yields the
 * records it handled. Latencies are recorded per call. The first failure stops the loop and is rethrown.
 * Everything runs on one event-loop context, so the counters have a single writer.
 */
final class ParallelCalls {
  private static final long DRAIN_SECONDS = 90;

  /** What a run achieved. */
  record Outcome(long calls, long records, long elapsedNanos, LatencySummary latency) {}

  private ParallelCalls() {}

  static Outcome run(Vertx vertx, int concurrency, long maxCalls, long timeLimitNanos,
      LongFunction<Future<Integer>> call) {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    context.runOnContext(v -> new Loop(concurrency, maxCalls, timeLimitNanos, call, done).start());
    try {
      return done.get(TimeUnit.NANOSECONDS.toSeconds(timeLimitNanos) + DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof BenchFailure bf ? bf : new BenchFailure(String.valueOf(cause.getMessage()), cause);
    } catch (TimeoutException e) {
      throw new BenchFailure("calls still unanswered " + DRAIN_SECONDS + " s after the time limit", e);
    }
  }

  private static final class Loop {
    private final int concurrency;
    private final long maxCalls;
    private final LongFunction<Future<Integer>> call;
    private final CompletableFuture<Outcome> done;
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final long start = System.nanoTime();
    private final long deadline;
    private long next;
    private long records;
    private long completed;
    private int running;
    private Throwable failure;

    Loop(int concurrency, long maxCalls, long timeLimitNanos, LongFunction<Future<Integer>> call,
        CompletableFuture<Outcome> done) {
      this.concurrency = concurrency;
      this.maxCalls = maxCalls;
      this.call = call;
      this.done = done;
      this.deadline = start + timeLimitNanos;
    }

    void start() {
      for (int i = 0; i < concurrency; i++) {
        LatencyRecorder recorder = new LatencyRecorder();
        recorders.add(recorder);
        running++;
        chain(recorder);
      }
    }

    private void chain(LatencyRecorder recorder) {
      if (failure != null || next >= maxCalls || System.nanoTime() - deadline >= 0) {
        if (--running == 0) {
          finish();
        }
        return;
      }
      long index = next++;
      long sent = System.nanoTime();
      Future<Integer> future;
      try {
        future = call.apply(index);
      } catch (RuntimeException e) {
        future = Future.failedFuture(e);
      }
      future.onComplete(ar -> {
        if (ar.succeeded()) {
          recorder.record(System.nanoTime() - sent);
          records += ar.result();
          completed++;
        } else if (failure == null) {
          failure = ar.cause();
        }
        chain(recorder);
      });
    }

    private void finish() {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(new Outcome(completed, records, System.nanoTime() - start,
            LatencyRecorder.summarize(recorders)));
      }
    }
  }
}
