package io.tributary.admin.v3;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The v3 collection shape: {@code {"kind":"…List","metadata":{"self":…,"next":null},"data":[…]}}. */
final class CollectionJson {
  private CollectionJson() {}

  static JsonObject of(String kind, String self, List<JsonObject> data) {
    // No pagination: "next" is always present and always null, as in kafka-rest.
    return new JsonObject()
        .put("kind", kind)
        .put("metadata", new JsonObject().put("self", self).putNull("next"))
        .put("data", new JsonArray(List.copyOf(data)));
  }
}
