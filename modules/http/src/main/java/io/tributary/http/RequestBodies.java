package io.tributary.http;

import io.tributary.http.media.MediaType;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Predicate;

/**
 * Reads request bodies for the routes, up to a limit (413 beyond it), except two kinds that are left unread:
 * <ul>
 *   <li>streamed bodies (v3 produce): buffering would wait for the whole, possibly endless, body before routing,
 *       which rules out full duplex (receipts while the client is still sending);</li>
 *   <li>form bodies ({@code multipart/*}, {@code application/x-www-form-urlencoded}): no route reads forms, and
 *       Vert.x's body handler would decode them as forms, failing outright on a GET (curl's {@code -X GET -d}).
 *       The route then sees an empty body and refuses the Content-Type with 415 in its generation's shape.</li>
 * </ul>
 * An unread body waits, paused, until the route takes it over or the response has ended; whatever is left of it
 * is then drained, so that the connection stays usable.
 */
public final class RequestBodies implements Handler<RoutingContext> {
  private final BodyHandler bodies;
  private final Predicate<RoutingContext> streamed;

  private RequestBodies(long limitBytes, Predicate<RoutingContext> streamed) {
    this.bodies = BodyHandler.create(false).setBodyLimit(limitBytes);
    this.streamed = streamed;
  }

  /** @param streamed whether a route reads the request's body itself, as it arrives */
  public static RequestBodies create(long limitBytes, Predicate<RoutingContext> streamed) {
    return new RequestBodies(limitBytes, streamed);
  }

  /** Bodies read whole for every request but forms (the embedded registry streams nothing). */
  public static RequestBodies create(long limitBytes) {
    return new RequestBodies(limitBytes, ctx -> false);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (streamed.test(ctx) || isForm(ctx.request())) {
      ctx.request().pause();
      ctx.addEndHandler(ended -> ctx.request().resume());
      ctx.next();
    } else {
      bodies.handle(ctx);
    }
  }

  private static boolean isForm(HttpServerRequest request) {
    MediaType type = MediaType.parse(request.getHeader("Content-Type"));
    return type != null && ("multipart".equals(type.type())
        || "application/x-www-form-urlencoded".equals(type.essence()));
  }
}
