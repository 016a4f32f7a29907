package io.tributary.http.error;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failed request into an error body. Failures arrive as {@link TributaryException}s
 * (from routes and, via the bus, from engines), as Vert.x {@link HttpException}s (body too large, …) or as bare
 * status codes; anything else is a bug, logged here with its stack and answered with a plain 500.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  /** Set by a route that declined a request only because of its media types: 406 or 415. */
  public static final String MEDIA_MISMATCH_KEY = "tributary.mediaMismatch";

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private final ErrorRenderer fallback;

  public FailureHandler(ErrorRenderer fallback) {
    this.fallback = fallback;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ClientDisconnects.isDisconnect(ctx.failure())) {
      // The client went away mid-request: nobody is left to answer, and it is not the server's fault.
      LOG.debug("Client disconnected during {} {}: {}", ctx.request().method(), ctx.request().path(),
          ctx.failure().toString());
      return;
    }
    TributaryException error = classify(ctx);
    if (ctx.response().headWritten()) {
      // Part of a response is already on the wire; the only honest signal left is to cut the connection.
      ctx.request().connection().close();
      return;
    }
    ErrorRenderer.of(ctx, fallback).render(ctx, error);
  }

  /**
   * Renders the router's own 404/405 outcomes, or a media-type mismatch recorded by a declining route. A request
   * that was not admitted (401, 429) gets that answer instead: it learns nothing about which paths exist.
   */
  public void unmatched(RoutingContext ctx, int status) {
    var rejection = RequestClaim.rejection(ctx);
    if (rejection.isPresent()) {
      ErrorRenderer.of(ctx, fallback).render(ctx, rejection.get());
      return;
    }
    Integer mismatch = ctx.get(MEDIA_MISMATCH_KEY);
    ErrorCode code;
    if (mismatch != null) {
      code = mismatch == 406 ? ErrorCode.NOT_ACCEPTABLE : ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    } else {
      code = status == 405 ? ErrorCode.METHOD_NOT_ALLOWED : ErrorCode.NOT_FOUND;
    }
    ErrorRenderer.of(ctx, fallback).render(ctx, code.toException());
  }

  private TributaryException classify(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof TributaryException te) {
      return te;
    }
    if (failure instanceof HttpException he) {
      return fromStatus(he.getStatusCode());
    }
    if (failure == null || isClientError(ctx.statusCode())) {
      // A 4xx failure with a cause is a verdict on the request by Vert.x itself (an HTTP/1.1 request without a
      // Host header, say): the client's mistake, answered by its status; the cause's text may name internals.
      return fromStatus(ctx.statusCode());
    }
    LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    return ErrorCode.INTERNAL.toException();
  }

  private static boolean isClientError(int status) {
    return status >= 400 && status < 500;
  }

  private static TributaryException fromStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCode.BAD_REQUEST.toException("Bad Request");
      case 401 -> ErrorCode.UNAUTHORIZED.toException();
      case 403 -> ErrorCode.FORBIDDEN.toException();
      case 404 -> ErrorCode.NOT_FOUND.toException();
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED.toException();
      case 406 -> ErrorCode.NOT_ACCEPTABLE.toException();
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.toException("Request body is larger than the configured maximum.");
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.toException();
      default -> status >= 400 && status < 500
          ? new TributaryException(ErrorCode.BAD_REQUEST, status, "HTTP " + status)
          : ErrorCode.INTERNAL.toException();
    };
  }
}
