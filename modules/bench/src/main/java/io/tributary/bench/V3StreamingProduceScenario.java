package io.tributary.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * v3 streaming produce: one chunked {@code POST /v3/clusters/bench/topics/{t}/records} per phase over one
 * connection, its body a stream of BINARY records written as fast as the proxy takes them, the receipts
 * ({@code \r\n}-separated, in input order) counted as they arrive. At most {@code --native-window} records are
 * without a receipt at any time, the same bound as the native baseline's unacknowledged records, and nothing is
 * written while the connection's write queue is full. Every receipt must be {@code error_code} 200.
 */
final class V3StreamingProduceScenario implements Scenario {
  static final String NAME = "v3-stream";
  private static final int RECORDS_PER_WRITE = 100;
  private static final long DRAIN_SECONDS = 90;

  private final Vertx vertx;
  private final URI proxy;
  private final int window;
  private final Buffer chunk;
  private final int recordBytes;

  V3StreamingProduceScenario(BenchEnvironment env) {
    this.vertx = env.clientVertx();
    this.proxy = env.proxyUri();
    int configured = env.options().nativeWindow();
    this.window = configured > 0 ? configured : Integer.MAX_VALUE;
    byte[] record = ("{\"value\":{\"type\":\"BINARY\",\"data\":\"" + Base64.getEncoder().encodeToString(env.value())
        + "\"}}\n").getBytes(StandardCharsets.US_ASCII);
    this.recordBytes = record.length;
    Buffer records = Buffer.buffer(record.length * RECORDS_PER_WRITE);
    for (int i = 0; i < RECORDS_PER_WRITE; i++) {
      records.appendBytes(record);
    }
    this.chunk = records;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "POST /v3/clusters/{c}/topics/{t}/records, one streaming (chunked, full-duplex) connection, BINARY"
        + " records, " + RECORDS_PER_WRITE + " per write, at most " + (window == Integer.MAX_VALUE ? "unlimited"
        : window) + " without receipt";
  }

  @Override
  public PhaseResult run(String topic, Phase phase) {
    Context context = vertx.getOrCreateContext();
    Stream stream = new Stream(topic, phase);
    context.runOnContext(v -> stream.start());
    try {
      long seconds = phase.timeLimit().toSeconds() + DRAIN_SECONDS;
      return stream.done.get(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    } catch (ExecutionException e) {
      throw new BenchFailure(phase.name() + " phase failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new BenchFailure(phase.name() + " phase did not finish: receipts still missing " + DRAIN_SECONDS
          + " s after its time limit", e);
    }
  }

  /** One phase's stream; confined to the event loop it was started on. */
  private final class Stream {
    final CompletableFuture<PhaseResult> done = new CompletableFuture<>();
    private final String topic;
    private final Phase phase;
    private HttpClient client;
    private HttpClientRequest request;
    private long start;
    private long deadline;
    private long sent;
    private final ReceiptCounter receipts = new ReceiptCounter();
    private boolean ended;
    // The bytes of a receipt cut by a chunk boundary, up to the first few that tell success from failure.

    Stream(String topic, Phase phase) {
      this.topic = topic;
      this.phase = phase;
    }

    void start() {
      client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
          .setKeepAlive(false).setTcpNoDelay(true));
      int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
      String base = proxy.getPath() == null ? "" : proxy.getPath().replaceAll("/+$", "");
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(proxy.getHost())
          .setPort(port).setURI(base + "/v3/clusters/bench/topics/" + topic + "/records")
          .putHeader("Content-Type", "application/json").setIdleTimeout(60_000);
      client.request(options).onFailure(this::fail).onSuccess(req -> {
        request = req;
        req.setChunked(true);
        req.exceptionHandler(this::fail);
        req.drainHandler(v -> pump());
        req.response().onFailure(this::fail).onSuccess(this::onResponse);
        start = System.nanoTime();
        deadline = phase.deadline(start);
        pump();
      });
    }

    private void onResponse(HttpClientResponse response) {
      if (response.statusCode() != 200) {
        response.body().onComplete(body -> fail(new BenchFailure("stream refused: HTTP " + response.statusCode()
            + " " + (body.succeeded() ? body.result() : ""))));
        return;
      }
      response.handler(this::count);
      response.exceptionHandler(this::fail);
      response.endHandler(v -> finish());
    }

    private void pump() {
      if (ended || done.isDone()) {
        return;
      }
      while (!request.writeQueueFull()) {
        long left = phase.maxRecords() - sent;
        if (left <= 0 || System.nanoTime() - deadline >= 0) {
          ended = true;
          request.end();
          return;
        }
        int full = (int) Math.min(RECORDS_PER_WRITE, left);
        if (window - (sent - receipts.receipts()) < full) {
          return; // the window is full: arriving receipts pump again
        }
        request.write(full == RECORDS_PER_WRITE ? chunk : chunk.getBuffer(0, recordBytes * full));
        sent += full;
      }
    }

    private void count(Buffer buffer) {
      if (!receipts.accept(buffer.getBytes())) {
        fail(new BenchFailure("a record failed: " + buffer.toString(StandardCharsets.UTF_8)));
        return;
      }
      pump();
    }

    private void finish() {
      long elapsed = System.nanoTime() - start;
      client.close();
      if (receipts.receipts() != sent) {
        fail(new BenchFailure("sent " + sent + " records but received " + receipts.receipts() + " receipts"));
        return;
      }
      done.complete(new PhaseResult(receipts.receipts(), 1, elapsed, null));
    }

    private void fail(Throwable error) {
      if (done.completeExceptionally(error) && client != null) {
        client.close();
      }
    }
  }
}
