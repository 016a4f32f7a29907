package io.tributary.admin.v3;

import io.tributary.http.route.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** What a v3 route answers: a status, a JSON body (null for none) and, for creations, a {@code Location}. */
record V3Reply(int status, JsonObject body, String location) {
  static V3Reply ok(JsonObject body) {
    return new V3Reply(200, body, null);
  }

  static V3Reply created(JsonObject body, String location) {
    return new V3Reply(201, body, location);
  }

  static V3Reply noContent() {
    return new V3Reply(204, null, null);
  }

  /** The reply as the route kernel writes it. */
  Reply<JsonObject> reply() {
    return new Reply<>(status, body, location == null ? Map.of() : Map.of("Location", location));
  }
}
