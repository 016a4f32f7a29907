package io.tributary.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes successful JSON responses. */
public final class Responses {
  private Responses() {}

  /** Encodes {@code body} (JsonObject, JsonArray, Map, List…) with the negotiated content type. */
  public static Future<Void> json(RoutingContext ctx, int status, String contentType, Object body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", contentType)
        .end(Json.encodeToBuffer(body));
  }

  /** Answers with a JSON body already rendered to bytes, in the negotiated content type. */
  public static Future<Void> rendered(RoutingContext ctx, int status, String contentType, Buffer body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }
}
