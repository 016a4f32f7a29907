package io.tributary.server;

import io.netty.handler.codec.http.TooLongHttpLineException;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The 10 KB limit on a request's URI that Event Streams documents, for every path: a longer URI gets 414 with an
 * error body (Event Streams' shape, which carries kafka-rest's {@code error_code}/{@code message} too), never a
 * reset connection. URIs a little over the limit are caught by the router; far longer request lines are cut off
 * by the HTTP decoder, whose "invalid request" answer is replaced by the same body.
 */
final class UriLimit {
  static final int MAX_URI_LENGTH = 10 * 1024;
  /** Room for the method and the protocol version around the URI; beyond this the decoder stops reading. */
  static final int MAX_INITIAL_LINE = MAX_URI_LENGTH + 64;

  private UriLimit() {}

  static void check(RoutingContext ctx) {
    if (ctx.request().uri().length() > MAX_URI_LENGTH) {
      EventStreamsErrorRenderer.INSTANCE.use(ctx);
      ctx.fail(tooLong());
      return;
    }
    ctx.next();
  }

  static void invalidRequest(HttpServerRequest request) {
    if (request.decoderResult().cause() instanceof TooLongHttpLineException) {
      // The rest of the request cannot be read any more: the connection goes once the answer is out.
      EventStreamsErrorRenderer.renderRaw(request.response(), tooLong())
          .onComplete(written -> request.connection().close());
      return;
    }
    HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
  }

  private static TributaryException tooLong() {
    return ErrorCode.URI_TOO_LONG.toException("URI Too Long: the request URI is longer than "
        + MAX_URI_LENGTH + " bytes.");
  }
}
