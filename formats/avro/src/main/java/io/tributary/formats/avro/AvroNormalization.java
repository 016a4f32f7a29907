package io.tributary.formats.avro;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Avro's side of the registry's {@code normalize}: the schema's JSON with the attributes of every schema and field
 * in alphabetical order and aliases sorted. Avro's own writer already fixes the order of the attributes it knows and
 * qualifies names; what it keeps as given is the order of custom properties and of aliases, so sorting them is what
 * makes two spellings of one schema one text. Values (defaults, custom property values, enum symbols, union
 * branches, fields) keep their order: it carries meaning.
 */
final class AvroNormalization {
  private AvroNormalization() {}

  /** The normalized JSON text of a schema given as Avro's canonical text. */
  static String normalize(String canonical) {
    return Json.encode(schema(Json.decodeValue(canonical)));
  }

  /** A schema node: a type name, a union (array of schemas) or a schema object. */
  private static Object schema(Object node) {
    if (node instanceof JsonArray union) {
      List<Object> branches = new ArrayList<>();
      union.forEach(branch -> branches.add(schema(branch)));
      return new JsonArray(branches);
    }
    if (!(node instanceof JsonObject object)) {
      return node;
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : sorted(object).entrySet()) {
      Object value = e.getValue();
      out.put(e.getKey(), switch (e.getKey()) {
        case "type", "items", "values" -> schema(value);
        case "fields" -> fields((JsonArray) value);
        case "aliases" -> sortedStrings(value);
        default -> value;
      });
    }
    return out;
  }

  private static JsonArray fields(JsonArray fields) {
    JsonArray out = new JsonArray();
    for (Object f : fields) {
      JsonObject field = new JsonObject();
      for (Map.Entry<String, Object> e : sorted((JsonObject) f).entrySet()) {
        Object value = e.getValue();
        field.put(e.getKey(), switch (e.getKey()) {
          case "type" -> schema(value);
          case "aliases" -> sortedStrings(value);
          default -> value;
        });
      }
      out.add(field);
    }
    return out;
  }

  private static Map<String, Object> sorted(JsonObject object) {
    Map<String, Object> sorted = new TreeMap<>();
    object.fieldNames().forEach(name -> sorted.put(name, object.getValue(name)));
    return sorted;
  }

  private static Object sortedStrings(Object value) {
    if (!(value instanceof JsonArray array)) {
      return value;
    }
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(String.valueOf(n)));
    names.sort(null);
    return new JsonArray(new ArrayList<>(names));
  }
}
