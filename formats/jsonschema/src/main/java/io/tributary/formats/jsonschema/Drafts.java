package io.tributary.formats.jsonschema;

import io.tributary.formats.InvalidSchemaException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import java.util.Locale;

/**
 * Which JSON Schema draft a document is read with: the one its {@code $schema} names, else draft 7 (the Confluent
 * default). Draft 6 is read as draft 7, its near-superset, as the validator has no draft 6 of its own.
 */
final class Drafts {
  static final Draft DEFAULT = Draft.DRAFT7;

  private Drafts() {}

  static Draft of(Object document) {
    if (!(document instanceof JsonObject object) || !object.containsKey("$schema")) {
      return DEFAULT;
    }
    if (!(object.getValue("$schema") instanceof String uri)) {
      throw new InvalidSchemaException("Invalid JSON Schema: $schema must be a string");
    }
    String id = uri.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("#$", "");
    return switch (id) {
      case "json-schema.org/draft-04/schema" -> Draft.DRAFT4;
      case "json-schema.org/draft-06/schema", "json-schema.org/draft-07/schema" -> Draft.DRAFT7;
      case "json-schema.org/draft/2019-09/schema" -> Draft.DRAFT201909;
      case "json-schema.org/draft/2020-12/schema" -> Draft.DRAFT202012;
      default -> throw new InvalidSchemaException("Invalid JSON Schema: unsupported $schema " + uri
          + " (supported: draft-04, draft-06, draft-07, 2019-09, 2020-12)");
    };
  }
}
