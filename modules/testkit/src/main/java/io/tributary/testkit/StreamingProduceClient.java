package io.tributary.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A full-duplex client for v3 streaming produce: one chunked POST whose body the test writes piece by piece while
 * receipts (JSON objects separated by CRLF) are collected as they arrive. The JDK client cannot do this (it reads
 * the response only after sending the whole body), so this uses a Vert.x client of its own.
 */
public final class StreamingProduceClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private final BlockingQueue<JsonObject> receipts = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> status = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile boolean endedNormally;
  private final StringBuilder raw = new StringBuilder();
  private final HttpClientRequest request;
  private String partial = "";

  private StreamingProduceClient(String url, Map<String, String> headers) {
    URI uri = URI.create(url);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost())
        .setPort(uri.getPort()).setURI(uri.getRawPath());
    headers.forEach(options::putHeader);
    request = await(client.request(options));
    request.setChunked(true);
    request.response().onSuccess(response -> {
      status.complete(response.statusCode());
      response.handler(this::onChunk);
      response.endHandler(v -> {
        endedNormally = true;
        ended.complete(null);
      });
      response.exceptionHandler(e -> ended.complete(null));
    }).onFailure(status::completeExceptionally);
    request.connection().closeHandler(v -> ended.complete(null));
    // A write after the server ended the stream fails on the connection; the test learns it from write().
    request.exceptionHandler(e -> ended.complete(null));
  }

  /** Opens the stream ({@code Content-Type: application/json} unless {@code headers} say otherwise). */
  public static StreamingProduceClient open(String baseUrl, String path, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
    all.putAll(headers);
    return new StreamingProduceClient(baseUrl + path, all);
  }

  public static StreamingProduceClient open(String baseUrl, String path) {
    return open(baseUrl, path, Map.of());
  }

  /** Sends a piece of the body and waits until it is written to the connection. */
  public StreamingProduceClient write(String text) {
    await(request.write(Buffer.buffer(text)));
    return this;
  }

  /** Ends the request body. */
  public void end() {
    await(request.end());
  }

  public int status() {
    return await(status);
  }

  /** The next receipt, waiting for it to arrive. */
  public JsonObject nextReceipt() {
    try {
      JsonObject receipt = receipts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (receipt == null) {
        throw new AssertionError("no receipt within " + WAIT + "; received so far: " + raw);
      }
      return receipt;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the response to end (or the connection to close) and returns the receipts not yet taken. */
  public List<JsonObject> remainingReceipts() {
    await(ended);
    List<JsonObject> rest = new ArrayList<>();
    receipts.drainTo(rest);
    return rest;
  }

  /** Whether the response has ended or the connection closed. */
  public boolean isEnded() {
    return ended.isDone();
  }

  /** Whether the response ended with its last chunk, rather than by a failure or a closed connection. */
  public boolean endedNormally() {
    return endedNormally;
  }

  /** Everything received so far, as text. */
  public synchronized String raw() {
    return raw.toString();
  }

  private synchronized void onChunk(Buffer chunk) {
    String text = chunk.toString();
    raw.append(text);
    String all = partial + text;
    int from = 0;
    int separator;
    while ((separator = all.indexOf("\r\n", from)) >= 0) {
      receipts.add(new JsonObject(all.substring(from, separator)));
      from = separator + 2;
    }
    partial = all.substring(from);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    return await(future.toCompletionStage().toCompletableFuture());
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
