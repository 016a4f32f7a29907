package io.tributary.formats.registry.embedded;

import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.util.List;

/**
 * One version of a subject as the embedded registry stores it; {@code schema} is the canonical text, {@code
 * references} the schema references it was registered with (empty when none).
 */
record StoredSchema(String subject, int version, int id, SchemaType type, String schema, boolean deleted,
    SchemaExtras extras, List<SchemaReference> references) {

  StoredSchema(String subject, int version, int id, SchemaType type, String schema, boolean deleted) {
    this(subject, version, id, type, schema, deleted, SchemaExtras.NONE);
  }

  StoredSchema(String subject, int version, int id, SchemaType type, String schema, boolean deleted,
      SchemaExtras extras) {
    this(subject, version, id, type, schema, deleted, extras, List.of());
  }

  StoredSchema {
    extras = extras == null ? SchemaExtras.NONE : extras;
    references = references == null ? List.of() : List.copyOf(references);
  }

  StoredSchema asDeleted() {
    return new StoredSchema(subject, version, id, type, schema, true, extras, references);
  }

  SubjectVersion view() {
    return new SubjectVersion(subject, version, id, type, schema, references);
  }

  RegisteredSchema registered() {
    return new RegisteredSchema(id, type, schema, references);
  }

  /** This version with its schema text replaced by another form of the same schema (the {@code format} parameter). */
  StoredSchema withText(String text) {
    return new StoredSchema(subject, version, id, type, text, deleted, extras, references);
  }
}
