package io.tributary.formats.registry.embedded.http;

import io.tributary.core.error.ErrorCode;
import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.formats.registry.embedded.RegistryMessages;
import io.tributary.formats.registry.embedded.SchemaReferences;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.http.JsonBodies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Path, query and body parameters of the registry's endpoints, with the registry's errors for bad ones. */
final class RegistryParams {
  private RegistryParams() {}

  /** A schema'd request body: {@code {"schema": "...", "schemaType": "AVRO", "references": [...]}}. */
  record SchemaBody(String schema, String schemaType, List<SchemaReference> references) {}

  static String subject(RoutingContext ctx) {
    return withoutDefaultContext(ctx.pathParam("subject"));
  }

  /** Confluent's default-context prefix {@code :.:} names the same subject as no prefix: the only context here. */
  static String withoutDefaultContext(String subject) {
    return subject != null && subject.startsWith(":.:") ? subject.substring(3) : subject;
  }

  /** A version path segment: a positive int, {@code latest} or {@code -1}; 42202 for anything else. */
  static int version(RoutingContext ctx) {
    String raw = ctx.pathParam("version");
    if ("latest".equals(raw)) {
      return RegistryMessages.LATEST;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= 1 || v == RegistryMessages.LATEST) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the registry's own error
    }
    throw RegistryErrors.invalidVersion(raw);
  }

  /** A schema id path segment; like JAX-RS, a segment that is not an int names no resource (404). */
  static int id(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ErrorCode.NOT_FOUND.toException();
    }
  }

  static boolean flag(RoutingContext ctx, String name) {
    return "true".equalsIgnoreCase(ctx.request().getParam(name));
  }

  /**
   * The {@code format} of a schema in an answer ({@code serialized}, {@code resolved}); null for the stored text.
   * Unknown values give the stored text, as Confluent's registry does for forward compatibility.
   */
  static String format(RoutingContext ctx) {
    return ctx.request().getParam("format");
  }

  static SchemaBody schemaBody(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    Object schema = body.getValue("schema");
    if (schema != null && !(schema instanceof String)) {
      throw RegistryErrors.invalidSchema("Invalid schema: the schema must be given as a string");
    }
    Object type = body.getValue("schemaType");
    if (type != null && !(type instanceof String)) {
      throw RegistryErrors.invalidSchema("Invalid schema type " + type);
    }
    List<SchemaReference> references = SchemaReferences.fromRequest(body.getValue("references"));
    return new SchemaBody((String) schema, (String) type, references);
  }
}
