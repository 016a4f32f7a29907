package io.tributary.formats.registry.embedded;

import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.SchemaType;

/** One version of a subject as the embedded registry stores it; {@code schema} is the canonical text. */
record StoredSchema(String subject, int version, int id, SchemaType type, String schema, boolean deleted,
    SchemaExtras extras) {

  StoredSchema(String subject, int version, int id, SchemaType type, String schema, boolean deleted) {
    this(subject, version, id, type, schema, deleted, SchemaExtras.NONE);
  }

  StoredSchema {
    extras = extras == null ? SchemaExtras.NONE : extras;
  }

  StoredSchema asDeleted() {
    return new StoredSchema(subject, version, id, type, schema, true, extras);
  }

  SubjectVersion view() {
    return new SubjectVersion(subject, version, id, type, schema);
  }

  RegisteredSchema registered() {
    return new RegisteredSchema(id, type, schema);
  }

  /** This version with its schema text replaced by another form of the same schema (the {@code format} parameter). */
  StoredSchema withText(String text) {
    return new StoredSchema(subject, version, id, type, text, deleted, extras);
  }
}
