package io.tributary.formats.jsonschema;

import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.Validator;
import java.util.Optional;

/**
 * A parsed JSON Schema: the schema document (a {@link JsonObject} or a {@link Boolean}), the draft it is read
 * with, and a ready validator. The canonical text is the compact JSON of the document, keys in their given order.
 */
public final class JsonParsedSchema implements ParsedSchema {
  private final Object document;
  private final Draft draft;
  private final String canonical;
  private final Validator validator;

  JsonParsedSchema(Object document, Draft draft, String canonical, Validator validator) {
    this.document = document;
    this.draft = draft;
    this.canonical = canonical;
    this.validator = validator;
  }

  /** The schema document; do not modify it. */
  public Object document() {
    return document;
  }

  public Draft draft() {
    return draft;
  }

  Validator validator() {
    return validator;
  }

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  /** The schema's {@code title}, which the record-based subject strategies use as the record name. */
  @Override
  public Optional<String> recordName() {
    if (document instanceof JsonObject object && object.getValue("title") instanceof String title) {
      return Optional.of(title);
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonParsedSchema other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }
}
