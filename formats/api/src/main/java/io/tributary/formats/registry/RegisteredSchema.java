package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.util.List;

/**
 * A schema as the registry knows it by id ({@code GET /schemas/ids/{id}}), with the schema references its text
 * needs (empty when none).
 */
public record RegisteredSchema(int id, SchemaType type, String schema, List<SchemaReference> references) {
  public RegisteredSchema(int id, SchemaType type, String schema) {
    this(id, type, schema, List.of());
  }

  public RegisteredSchema {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
