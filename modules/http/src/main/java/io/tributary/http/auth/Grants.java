package io.tributary.http.auth;

import io.tributary.core.auth.Grant;
import io.tributary.core.auth.Operation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a permissions list, {@code [{"topics":["orders*"],"operations":["produce","consume"]}]}: the one format
 * shared by API keys, certificate subjects and the permissions claim of a JWT. A permission may also name schema
 * registry subjects, {@code {"subjects":["orders-*"],"operations":["schema-read","schema-write"]}}.
 */
final class Grants {
  private Grants() {}

  /**
   * The grants of a permissions list (null means none).
   *
   * @throws IllegalArgumentException naming what is wrong, for the caller to report in its own terms
   */
  static List<Grant> parse(Object permissions) {
    if (permissions == null) {
      return List.of();
    }
    if (!(permissions instanceof JsonArray list)) {
      throw new IllegalArgumentException("permissions must be a list");
    }
    List<Grant> grants = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof JsonObject p)) {
        throw new IllegalArgumentException("each permission must be an object with topics and operations");
      }
      // Without "subjects" the grant's subjects are derived from its topics (see Grant): older files keep working.
      List<String> subjects = p.getValue("subjects") == null ? null : strings(p.getValue("subjects"), "subjects");
      grants.add(new Grant(strings(p.getValue("topics"), "topics"), subjects, operations(p.getValue("operations"))));
    }
    return grants;
  }

  private static List<String> strings(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(field + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException(field + " must be a list of strings");
      }
      out.add(s);
    }
    return out;
  }

  private static Set<Operation> operations(Object value) {
    Set<Operation> ops = new LinkedHashSet<>();
    for (String name : strings(value, "operations")) {
      ops.add(Operation.parse(name).orElseThrow(() -> new IllegalArgumentException(
          "unknown operation '" + name + "' (use produce, consume, admin, schema-read, schema-write)")));
    }
    return ops;
  }
}
