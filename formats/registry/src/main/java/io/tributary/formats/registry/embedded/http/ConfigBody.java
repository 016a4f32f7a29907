package io.tributary.formats.registry.embedded.http;

import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.http.JsonBodies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The body of {@code PUT /config[/{s}]}: {@code compatibility} and {@code normalize}, either may be left out but not
 * both (42203, as before {@code normalize} existed). A {@code normalize} that is not a boolean (or the strings
 * {@code "true"}/{@code "false"}, which Confluent's JSON binding also takes) is 422 with code 422, Confluent's answer
 * to a body field of the wrong type.
 */
record ConfigBody(String compatibility, Boolean normalize) {
  static ConfigBody of(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    Boolean normalize = normalize(body.getValue("normalize"));
    Object level = body.getValue("compatibility");
    if (level == null && normalize != null) {
      return new ConfigBody(null, normalize);
    }
    if (!(level instanceof String text)) {
      throw RegistryErrors.invalidCompatibilityLevel();
    }
    return new ConfigBody(text, normalize);
  }

  private static Boolean normalize(Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof String text && ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text))) {
      return Boolean.valueOf(text);
    }
    throw RegistryErrors.error(422, "Invalid config: 'normalize' must be true or false, not " + value);
  }
}
