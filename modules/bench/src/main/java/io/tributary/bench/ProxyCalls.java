package io.tributary.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * Single HTTP exchanges with the proxy (or the embedded registry) over a pool of keep-alive connections, for the
 * measurements whose requests differ from one another (consumer instances, schema registration). Answers are
 * read whole; {@link #expect} turns anything but the expected status into a {@link BenchFailure}.
 */
final class ProxyCalls implements AutoCloseable {
  private static final long REQUEST_IDLE_TIMEOUT_MS = 60_000;
  private static final long BLOCKING_SECONDS = 120;
  private static final int SHOWN_BODY_CHARS = 300;

  record Reply(int status, Buffer body) {}

  private final HttpClientAgent client;
  private final String host;
  private final int port;
  private final String basePath;

  ProxyCalls(Vertx vertx, URI base, int connections) {
    this.client = vertx.createHttpClient(
        new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections));
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : 80;
    this.basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
  }

  /** Sends one request; {@code body} may be null. Completes on the caller's context when one is current. */
  Future<Reply> send(HttpMethod method, String path, String contentType, String accept, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port)
        .setURI(basePath + path).setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS);
    if (contentType != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
    }
    if (accept != null) {
      options.putHeader(HttpHeaders.ACCEPT, accept);
    }
    // The answer's handlers go in before the request is written (see ConnectionLoop: Vert.x 5.0.8 can lose a
    // response's end when body() is called from another thread after it ended).
    return client.request(options).compose(req -> {
      Future<Reply> reply = req.response().compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b)));
      if (body == null) {
        req.end();
      } else {
        req.end(body);
      }
      return reply;
    });
  }

  /** {@link #send} and wait, for set-up steps on the harness's main thread; expects {@code status}. */
  Reply call(HttpMethod method, String path, String contentType, String accept, JsonObject body, int status,
      String what) {
    Reply reply = Awaits.await(send(method, path, contentType, accept, body == null ? null : body.toBuffer()),
        BLOCKING_SECONDS);
    return expect(reply, status, what);
  }

  static Reply expect(Reply reply, int status, String what) {
    if (reply.status() != status) {
      String text = reply.body().toString();
      throw new BenchFailure(what + " answered HTTP " + reply.status() + " (expected " + status + "): "
          + (text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + "..." : text));
    }
    return reply;
  }

  @Override
  public void close() {
    Awaits.await(client.close(), 30);
  }
}
