package io.tributary.formats.jsonschema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** Resolves document-local references ({@code #}, {@code #/definitions/x}) inside a schema document. */
final class JsonPointers {
  private JsonPointers() {}

  /** Whether a {@code $ref} points into the same document by JSON pointer. */
  static boolean isLocal(String ref) {
    return ref.equals("#") || ref.startsWith("#/");
  }

  /** The node a local reference points at; empty when it does not resolve. */
  static Optional<Object> resolve(Object root, String ref) {
    Object node = root;
    if (ref.equals("#")) {
      return Optional.of(node);
    }
    for (String raw : ref.substring(2).split("/", -1)) {
      String token = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8)
          .replace("~1", "/").replace("~0", "~");
      if (node instanceof JsonObject object && object.containsKey(token)) {
        node = object.getValue(token);
      } else if (node instanceof JsonArray array && token.matches("\\d+") && Integer.parseInt(token) < array.size()) {
        node = array.getValue(Integer.parseInt(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /** The document part of a {@code $ref} to another document ({@code address.json#/x} gives address.json). */
  static String documentOf(String ref) {
    int hash = ref.indexOf('#');
    return hash < 0 ? ref : ref.substring(0, hash);
  }

  /** The fragment of a {@code $ref} as a local reference ({@code #/x}), {@code #} when it has none. */
  static String fragmentOf(String ref) {
    int hash = ref.indexOf('#');
    return hash < 0 || hash == ref.length() - 1 ? "#" : ref.substring(hash);
  }

  /** The first {@code $ref} to another document whose document is not one of {@code names}; empty when none. */
  static Optional<String> firstExternal(Object node, Set<String> names) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref && !ref.startsWith("#")
          && !names.contains(documentOf(ref))) {
        return Optional.of(ref);
      }
      for (String key : object.fieldNames()) {
        Optional<String> found = firstExternal(object.getValue(key), names);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof JsonArray array) {
      for (Object item : array) {
        Optional<String> found = firstExternal(item, names);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A copy of a referenced document whose local {@code $ref}s ({@code #/x}) name the document ({@code name#/x}), so
   * that they still point into it when its parts are compared inside another document.
   */
  static Object qualified(Object node, String name) {
    if (node instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      for (String key : object.fieldNames()) {
        Object value = object.getValue(key);
        copy.put(key, key.equals("$ref") && value instanceof String ref && ref.startsWith("#") ? name + ref
            : qualified(value, name));
      }
      return copy;
    }
    if (node instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(qualified(item, name)));
      return copy;
    }
    return node;
  }

  /** The first local {@code $ref} anywhere in the document that does not resolve; empty when all do. */
  static Optional<String> firstDangling(Object root) {
    return firstDangling(root, root);
  }

  private static Optional<String> firstDangling(Object root, Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref && isLocal(ref) && resolve(root, ref).isEmpty()) {
        return Optional.of(ref);
      }
      for (String key : object.fieldNames()) {
        Optional<String> found = firstDangling(root, object.getValue(key));
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof JsonArray array) {
      for (Object item : array) {
        Optional<String> found = firstDangling(root, item);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
