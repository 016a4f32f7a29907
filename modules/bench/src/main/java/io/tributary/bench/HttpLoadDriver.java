package io.tributary.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop HTTP load: C keep-alive HTTP/1.1 connections, each sending its next request as soon as the previous
 * answer has arrived, until the phase's record budget or time limit runs out.
 *
 * <p>Why the Vert.x (Netty) client and not {@code java.net.http}: broker, proxy and load generator share one small
 * machine, so every CPU cycle the client spends is taken from the proxy being measured. The Vert.x client drives
 * all connections from one event loop without per-request thread hand-offs, whereas the JDK client moves every
 * exchange between its selector thread and an executor through CompletableFuture chains, CPU the proxy would
 * otherwise have. And {@code connect()} hands out exactly C dedicated connections, so "C connections" is a fact
 * of the measurement rather than a pool's decision.
 */
final class HttpLoadDriver implements AutoCloseable {
  private static final long REQUEST_IDLE_TIMEOUT_MS = 60_000;
  private static final long CONNECT_TIMEOUT_SECONDS = 30;
  /** How long after the time limit in-flight requests may take before the phase is declared hung. */
  private static final long DRAIN_SECONDS = 90;

  private final HttpClientAgent client;
  private final List<HttpClientConnection> connections;
  private final String basePath;

  private HttpLoadDriver(HttpClientAgent client, List<HttpClientConnection> connections, String basePath) {
    this.client = client;
    this.connections = connections;
    this.basePath = basePath;
  }

  /** Opens {@code count} connections to {@code proxy}; they stay open for every phase until {@link #close}. */
  static HttpLoadDriver open(Vertx vertx, URI proxy, int count) {
    HttpClientAgent client = vertx.createHttpClient(
        new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setPipelining(false)
            .setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(count));
    int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
    List<Future<HttpClientConnection>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(client.connect(new HttpConnectOptions().setHost(proxy.getHost()).setPort(port)));
    }
    List<HttpClientConnection> connections = new ArrayList<>();
    for (Future<HttpClientConnection> f : opening) {
      connections.add(Awaits.await(f, CONNECT_TIMEOUT_SECONDS));
    }
    String path = proxy.getPath() == null ? "" : proxy.getPath().replaceAll("/+$", "");
    return new HttpLoadDriver(client, connections, path);
  }

  PhaseResult run(HttpWorkload workload, String topic, Phase phase) {
    RequestOptions request = workload.request(basePath, topic).setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS);
    AtomicLong budget = new AtomicLong(phase.maxRecords());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = phase.deadline(start);
    List<ConnectionLoop> loops = new ArrayList<>();
    for (HttpClientConnection connection : connections) {
      loops.add(new ConnectionLoop(connection, request, workload, budget, deadline, failure));
    }
    loops.forEach(ConnectionLoop::start);
    awaitAll(loops, phase);
    if (failure.get() != null) {
      throw new BenchFailure(phase.name() + " phase failed: " + failure.get().getMessage(), failure.get());
    }
    long records = 0;
    long requests = 0;
    long end = start;
    List<LatencyRecorder> recorders = new ArrayList<>();
    for (ConnectionLoop loop : loops) {
      records += loop.records();
      requests += loop.requests();
      end = Math.max(end, loop.finishedAtNanos());
      recorders.add(loop.latencies());
    }
    return new PhaseResult(records, requests, end - start, LatencyRecorder.summarize(recorders));
  }

  private static void awaitAll(List<ConnectionLoop> loops, Phase phase) {
    CompletableFuture<?>[] all = loops.stream().map(ConnectionLoop::done).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(all).get(phase.timeLimit().toSeconds() + DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchFailure(phase.name() + " phase did not finish: requests still unanswered "
          + DRAIN_SECONDS + " s after its time limit", e);
    }
  }

  @Override
  public void close() {
    for (HttpClientConnection connection : connections) {
      connection.close();
    }
    Awaits.await(client.close(), 30);
  }
}
