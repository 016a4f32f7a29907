package io.tributary.formats.jsonschema;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * JSON Schema's side of the registry's {@code normalize}: every object's keys in alphabetical order, at every depth
 * (keywords, property names, values), as Confluent's registry normalizes JSON schemas. Arrays keep their order.
 */
final class JsonNormalization {
  private JsonNormalization() {}

  static String normalize(Object document) {
    return Json.encode(sorted(document));
  }

  private static Object sorted(Object node) {
    if (node instanceof JsonObject object) {
      JsonObject out = new JsonObject();
      for (String key : new TreeSet<>(object.fieldNames())) {
        out.put(key, sorted(object.getValue(key)));
      }
      return out;
    }
    if (node instanceof JsonArray array) {
      List<Object> items = new ArrayList<>(array.size());
      array.forEach(item -> items.add(sorted(item)));
      return new JsonArray(items);
    }
    return node;
  }
}
