package io.tributary.http;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The connection limits of one HTTP verticle's listeners, so that idle or stalling clients cannot hold connections
 * for ever:
 * <ul>
 *   <li>{@code idle.timeout.ms}: a connection without a request in progress is closed after this long. A request is
 *       in progress from its complete headers to the end of its response, so the time a client takes to send a
 *       request's headers counts as idle: headers trickled a byte at a time (slowloris) are cut off too.</li>
 *   <li>{@code request.body.timeout.ms}: a request's body must have arrived this long after its headers, or the
 *       request gets 408 (while no response has begun) and its connection is closed. Streaming requests (v3
 *       produce) are exempt; they keep their own limits.</li>
 *   <li>Shutdown notice: {@link #whenShuttingDown} lets a long-lived exchange learn that its server began a
 *       graceful shutdown, to finish in its own way within the grace period.</li>
 * </ul>
 * Vert.x's own idle timeout is not used: it cannot tell an idle connection from one whose request waits for its
 * answer (a long poll, a silent stream), and would cut those too.
 *
 * <p>Make it the router's first handler and create the listeners with {@link #createServer}. One per verticle;
 * confined to the verticle's event loop.
 */
public final class ConnectionGuard implements Handler<RoutingContext> {
  private static final String KEY = "tributary.connection";

  private final Vertx vertx;
  private final long idleMs;
  private final long bodyMs;
  private final Predicate<RoutingContext> streaming;
  private final Map<HttpConnection, Tracked> connections = new IdentityHashMap<>();

  /**
   * @param streaming requests whose body is an open-ended stream, exempt from the body deadline
   */
  public ConnectionGuard(Vertx vertx, TributaryConfig config, Predicate<RoutingContext> streaming) {
    this.vertx = vertx;
    this.idleMs = config.get(ConfigKeys.IDLE_TIMEOUT_MS);
    this.bodyMs = config.get(ConfigKeys.REQUEST_BODY_TIMEOUT_MS);
    this.streaming = streaming;
  }

  /**
   * A server whose connections this guard watches from their opening; the router must have the guard as first
   * handler. The server speaks HTTP/1.1 only: with cleartext HTTP/2 upgrades allowed, Vert.x makes a connection
   * known only once its first request's headers are complete, which would leave exactly the slow first request
   * unguarded.
   */
  public HttpServer createServer(HttpServerOptions options) {
    return vertx.createHttpServer(options.setHttp2ClearTextEnabled(false)).connectionHandler(this::connected);
  }

  /**
   * Calls {@code handler} (once, on the request's event loop) when the server begins a graceful shutdown of the
   * request's connection; {@code shutdown.graceful.ms} later, the exchange should have ended. The handler is
   * forgotten once the exchange's response has ended.
   */
  public static void whenShuttingDown(RoutingContext ctx, Handler<Void> handler) {
    Tracked tracked = ctx.get(KEY);
    if (tracked != null) {
      tracked.onShutdown(handler);
      ctx.addEndHandler(ended -> tracked.forget(handler));
    }
  }

  private Tracked connected(HttpConnection connection) {
    Tracked tracked = new Tracked(connection);
    connections.put(connection, tracked);
    connection.closeHandler(v -> {
      tracked.cancelIdle();
      connections.remove(connection);
    });
    connection.shutdownHandler(v -> tracked.shutDown());
    tracked.armIdle();
    return tracked;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Tracked tracked = connections.get(request.connection());
    if (tracked == null) {
      tracked = connected(request.connection());
    }
    Tracked connection = tracked;
    connection.begin();
    ctx.put(KEY, connection);
    long bodyTimer = bodyMs > 0 && !request.isEnded() && !streaming.test(ctx)
        ? vertx.setTimer(bodyMs, id -> bodyTooSlow(ctx))
        : -1;
    ctx.addEndHandler(ended -> {
      if (bodyTimer != -1) {
        vertx.cancelTimer(bodyTimer);
      }
      connection.end();
    });
    ctx.next();
  }

  private void bodyTooSlow(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      // The body is complete; the route is still working on the answer, which is not the client's fault.
      return;
    }
    HttpConnection connection = request.connection();
    if (ctx.response().headWritten()) {
      connection.close();
      return;
    }
    // The rest of the body will not be read: the connection cannot carry another request.
    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ctx.addEndHandler(ended -> connection.close());
    ctx.fail(ErrorCode.REQUEST_TIMEOUT.toException("Request Timeout: the request body did not arrive within "
        + bodyMs + " ms."));
  }

  /**
   * One connection: how many of its requests are in progress, and its idle timer while there are none. The timer is
   * not cancelled and re-armed for every request (two timer operations per request on a busy keep-alive connection):
   * it stays armed, and when it fires on a connection that was busy meanwhile, it is armed again for what remains
   * of the idle time since the last request ended.
   */
  private final class Tracked {
    private final HttpConnection connection;
    private int inProgress;
    private long idleTimer = -1;
    /** When the connection last became idle ({@link System#nanoTime()}). */
    private long idleSince;
    private boolean shuttingDown;
    private List<Handler<Void>> shutdownHandlers;

    Tracked(HttpConnection connection) {
      this.connection = connection;
    }

    void begin() {
      inProgress++;
    }

    void end() {
      inProgress = Math.max(0, inProgress - 1);
      if (inProgress == 0) {
        armIdle();
      }
    }

    /** The connection is idle from now on: closed {@code idle.timeout.ms} from now unless a request comes first. */
    void armIdle() {
      idleSince = System.nanoTime();
      if (idleMs > 0 && idleTimer == -1) {
        scheduleIdleCheck(idleMs);
      }
    }

    private void scheduleIdleCheck(long delayMs) {
      idleTimer = vertx.setTimer(delayMs, id -> {
        idleTimer = -1;
        if (inProgress > 0) {
          return; // the end of the requests in progress arms it again
        }
        long remainingMs = idleMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
        if (remainingMs <= 0) {
          connection.close();
        } else {
          scheduleIdleCheck(remainingMs);
        }
      });
    }

    void cancelIdle() {
      if (idleTimer != -1) {
        vertx.cancelTimer(idleTimer);
        idleTimer = -1;
      }
    }

    void onShutdown(Handler<Void> handler) {
      if (shuttingDown) {
        handler.handle(null);
        return;
      }
      if (shutdownHandlers == null) {
        shutdownHandlers = new ArrayList<>(1);
      }
      shutdownHandlers.add(handler);
    }

    void forget(Handler<Void> handler) {
      if (shutdownHandlers != null) {
        shutdownHandlers.remove(handler);
      }
    }

    void shutDown() {
      shuttingDown = true;
      List<Handler<Void>> handlers = shutdownHandlers;
      shutdownHandlers = null;
      if (handlers != null) {
        handlers.forEach(h -> h.handle(null));
      }
    }
  }
}
