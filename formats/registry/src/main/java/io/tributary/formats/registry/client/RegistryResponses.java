package io.tributary.formats.registry.client;

import io.tributary.core.error.ErrorCode;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.embedded.SchemaReferences;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Reading registry answers: schema types (absent means AVRO), version objects, and the unreachable failure. */
final class RegistryResponses {
  /**
   * The code of a registry that could not be asked at all (refused connection, timeout, TLS failure, no answer from
   * the embedded store): Tributary's 50303, not one of the registry's own codes.
   */
  static final int UNREACHABLE = ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE.code();

  private RegistryResponses() {}

  static SchemaType type(JsonObject json) {
    String name = json.getString("schemaType");
    return SchemaType.parse(name).orElseThrow(() -> new SchemaRegistryException(
        SchemaRegistryException.INVALID_SCHEMA, "The registry answered with an unknown schema type " + name));
  }

  static SubjectVersion version(JsonObject json) {
    return new SubjectVersion(json.getString("subject"), json.getInteger("version"), json.getInteger("id"),
        type(json), json.getString("schema"), references(json));
  }

  /** The {@code references} of an answer (absent: none); a malformed list is the registry's fault. */
  static List<SchemaReference> references(JsonObject json) {
    try {
      return SchemaReferences.fromRequest(json.getValue("references"));
    } catch (RuntimeException e) {
      throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
          "The registry answered with malformed schema references: " + e.getMessage());
    }
  }

  static SchemaRegistryException unreachable(String detail) {
    return new SchemaRegistryException(UNREACHABLE, "Schema registry unavailable: " + detail);
  }
}
