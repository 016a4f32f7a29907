package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaType;

/** One version of a subject ({@code GET /subjects/{s}/versions/{v}}, {@code POST /subjects/{s}}). */
public record SubjectVersion(String subject, int version, int id, SchemaType type, String schema) {
  public RegisteredSchema registered() {
    return new RegisteredSchema(id, type, schema);
  }
}
