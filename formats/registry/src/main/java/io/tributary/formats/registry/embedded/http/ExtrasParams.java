package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.formats.registry.embedded.SchemaExtras;
import io.vertx.core.json.JsonObject;

/** The {@code metadata} and {@code ruleSet} of a schema'd request body: JSON objects, or absent (or null). */
final class ExtrasParams {
  private ExtrasParams() {}

  static SchemaExtras of(JsonObject body) {
    return new SchemaExtras(object(body, "metadata"), object(body, "ruleSet"));
  }

  private static String object(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      throw RegistryErrors.invalidSchema("Invalid schema: '" + field + "' must be a JSON object");
    }
    return object.encode();
  }
}
