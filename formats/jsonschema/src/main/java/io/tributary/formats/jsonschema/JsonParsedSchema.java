package io.tributary.formats.jsonschema;

import io.tributary.formats.schema.CanonicalSchema;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.Validator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON Schema: the schema document (a {@link JsonObject} or a {@link Boolean}), the draft it is read
 * with, and a ready validator. The canonical text is the compact JSON of the document, keys in their given order.
 */
public final class JsonParsedSchema extends CanonicalSchema {
  private final Object document;
  private final Draft draft;
  private final Validator validator;
  private final Map<String, Object> referenced;

  JsonParsedSchema(Object document, Draft draft, String canonical, Validator validator,
      Map<String, Object> referenced) {
    super(canonical);
    this.document = document;
    this.draft = draft;
    this.validator = validator;
    Map<String, Object> qualified = new HashMap<>();
    referenced.forEach((name, d) -> qualified.put(name, JsonPointers.qualified(d, name)));
    this.referenced = Map.copyOf(qualified);
  }

  /**
   * The documents of the schema's references by reference name (what its {@code $ref}s to other documents name),
   * their own local {@code $ref}s qualified with that name.
   */
  Map<String, Object> referenced() {
    return referenced;
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


  /** The schema's {@code title}, which the record-based subject strategies use as the record name. */
  @Override
  public Optional<String> recordName() {
    if (document instanceof JsonObject object && object.getValue("title") instanceof String title) {
      return Optional.of(title);
    }
    return Optional.empty();
  }

}
