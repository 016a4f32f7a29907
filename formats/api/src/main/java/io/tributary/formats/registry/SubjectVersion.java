package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.util.List;

/**
 * One version of a subject ({@code GET /subjects/{s}/versions/{v}}, {@code POST /subjects/{s}}), with the schema
 * references its text needs (empty when none).
 */
public record SubjectVersion(String subject, int version, int id, SchemaType type, String schema,
    List<SchemaReference> references) {
  public SubjectVersion(String subject, int version, int id, SchemaType type, String schema) {
    this(subject, version, id, type, schema, List.of());
  }

  public SubjectVersion {
    references = references == null ? List.of() : List.copyOf(references);
  }

  public RegisteredSchema registered() {
    return new RegisteredSchema(id, type, schema, references);
  }
}
