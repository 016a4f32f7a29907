package io.tributary.formats.registry.embedded;

import io.tributary.formats.schema.SchemaReference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code references} array of request bodies, answers and {@code _schemas} records:
 * {@code [{"name": "...", "subject": "...", "version": 1}]}, as Confluent's registry writes it.
 */
public final class SchemaReferences {
  private SchemaReferences() {}

  public static JsonArray toJson(List<SchemaReference> references) {
    JsonArray array = new JsonArray();
    references.forEach(r -> array.add(new JsonObject().put("name", r.name()).put("subject", r.subject())
        .put("version", r.version())));
    return array;
  }

  /**
   * The references of a request body's {@code references} value (absent or null: none).
   *
   * @throws io.tributary.core.error.TributaryException 42201 when it is not an array of complete references
   */
  public static List<SchemaReference> fromRequest(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw RegistryErrors.invalidSchema("Invalid schema: 'references' must be an array");
    }
    List<SchemaReference> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof JsonObject o) || !(o.getValue("name") instanceof String name) || name.isBlank()
          || !(o.getValue("subject") instanceof String subject) || subject.isBlank()
          || !(o.getValue("version") instanceof Number version)) {
        throw RegistryErrors.invalidSchema("Invalid schema: each reference needs a 'name', a 'subject' and an"
            + " integer 'version', got " + item);
      }
      out.add(new SchemaReference(name, subject, version.intValue()));
    }
    return List.copyOf(out);
  }

  /** The references of a stored record (written by this registry or Confluent's); malformed entries are skipped. */
  static List<SchemaReference> fromJson(Object value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    List<SchemaReference> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (item instanceof JsonObject o && o.getValue("name") instanceof String name
          && o.getValue("subject") instanceof String subject && o.getValue("version") instanceof Number version) {
        out.add(new SchemaReference(name, subject, version.intValue()));
      }
    }
    return List.copyOf(out);
  }
}
