package io.tributary.http.route;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * Writes a reply's body in the negotiated response type and ends the response; the {@link RouteKernel} has set the
 * status and the reply's headers already. A renderer that cannot write the body throws, and the kernel hands the
 * failure to the failure handler like any other.
 */
@FunctionalInterface
public interface Renderer<B> {
  void write(HttpServerResponse response, String contentType, B body);

  /** JSON-encodes the body (JsonObject, JsonArray, a Map, a List…). */
  static <B> Renderer<B> json() {
    return (response, contentType, body) -> response.putHeader("Content-Type", contentType)
        .end(Json.encodeToBuffer(body));
  }

  /** A body already rendered to bytes. */
  static Renderer<Buffer> bytes() {
    return (response, contentType, body) -> response.putHeader("Content-Type", contentType).end(body);
  }
}
