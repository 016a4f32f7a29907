package io.tributary.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection's closed loop within a phase: claim a request's worth of records from the shared budget, send,
 * check the answer, record the latency, repeat. Runs on the connection's event loop after the first request, so
 * its counters have a single writer; {@link #done} completes (never exceptionally) when the loop stops, which
 * publishes them to the waiting thread.
 */
final class ConnectionLoop {
  private final HttpClientConnection connection;
  private final RequestOptions request;
  private final HttpWorkload workload;
  private final Buffer body;
  private final AtomicLong budget;
  private final long deadline;
  private final AtomicReference<Throwable> failure;
  private final LatencyRecorder latencies = new LatencyRecorder();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private long records;
  private long requests;
  private long finishedAtNanos;

  ConnectionLoop(HttpClientConnection connection, RequestOptions request, HttpWorkload workload, AtomicLong budget,
      long deadline, AtomicReference<Throwable> failure) {
    this.connection = connection;
    this.request = request;
    this.workload = workload;
    this.body = workload.body();
    this.budget = budget;
    this.deadline = deadline;
    this.failure = failure;
  }

  void start() {
    next();
  }

  private void next() {
    int batch = workload.recordsPerRequest();
    if (failure.get() != null || System.nanoTime() >= deadline || budget.addAndGet(-batch) < 0) {
      finishedAtNanos = System.nanoTime();
      done.complete(null);
      return;
    }
    long sent = System.nanoTime();
    connection.request(request)
        .compose(req -> {
          // The answer's handlers are in place before the request is written. Chained after send() instead, the
          // first request's body() could be called from the caller's thread after the response had ended on the
          // event loop, and Vert.x 5.0.8 then loses the end and the future never completes (vert.x issue 6038).
          Future<Integer> accepted = req.response()
              .compose(resp -> resp.body().map(answer -> workload.acceptedRecords(resp.statusCode(), answer)));
          req.end(body);
          return accepted;
        })
        .onComplete(accepted -> {
          if (accepted.succeeded()) {
            latencies.record(System.nanoTime() - sent);
            records += accepted.result();
            requests++;
          } else {
            failure.compareAndSet(null, accepted.cause());
          }
          next();
        });
  }

  CompletableFuture<Void> done() {
    return done;
  }

  long records() {
    return records;
  }

  long requests() {
    return requests;
  }

  long finishedAtNanos() {
    return finishedAtNanos;
  }

  LatencyRecorder latencies() {
    return latencies;
  }
}
