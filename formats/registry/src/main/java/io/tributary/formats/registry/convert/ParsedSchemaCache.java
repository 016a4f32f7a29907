package io.tributary.formats.registry.convert;

import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.schema.ResolvedReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed schemas, so that a schema is parsed once, not once per request: by registry id (an id's schema never
 * changes) and by the raw text a request carried (v1/v2 send the same schema text with every request). The text
 * cache is bounded, since texts come from clients.
 */
final class ParsedSchemaCache {
  private static final int MAX_TEXTS = 1_000;

  private record Text(SchemaType type, String text) {}

  private final SchemaFormats formats;
  private final Map<Integer, ParsedSchema> byId = new ConcurrentHashMap<>();
  private final Map<Text, ParsedSchema> byText = new ConcurrentHashMap<>();

  ParsedSchemaCache(SchemaFormats formats) {
    this.formats = formats;
  }

  /** The format for a type; an {@link InvalidSchemaException} when this server was built without it. */
  SchemaFormat format(SchemaType type) {
    return formats.get(type).orElseThrow(() -> new InvalidSchemaException(
        "Schema type " + type.wireName() + " is not supported by this server"));
  }

  /** A registry schema already parsed, if it was. */
  Optional<ParsedSchema> cached(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A registry schema, parsed with its references' texts (dependencies first; empty when it has none). */
  ParsedSchema of(RegisteredSchema schema, List<ResolvedReference> references) {
    ParsedSchema parsed = byId.get(schema.id());
    if (parsed == null) {
      parsed = format(schema.type()).parse(schema.schema(), references);
      byId.put(schema.id(), parsed);
    }
    return parsed;
  }

  /** A raw schema text from a request, parsed. */
  ParsedSchema parse(SchemaType type, String text) {
    Text key = new Text(type, text);
    ParsedSchema parsed = byText.get(key);
    if (parsed == null) {
      parsed = format(type).parse(text);
      if (byText.size() >= MAX_TEXTS) {
        // Crude but safe: a client cycling through many schema texts only costs re-parsing.
        byText.clear();
      }
      byText.put(key, parsed);
    }
    return parsed;
  }
}
