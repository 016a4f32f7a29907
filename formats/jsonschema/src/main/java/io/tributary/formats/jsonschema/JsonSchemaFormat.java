package io.tributary.formats.jsonschema;

import io.tributary.core.error.JsonErrorText;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schema: schemas checked against their draft's meta-schema, data validated on produce and written as its
 * compact UTF-8 JSON text, payloads read back as JSON without validation (as the Confluent deserializer does by
 * default), compatibility by the conservative rules of {@link JsonSchemaCompatibility}.
 */
public final class JsonSchemaFormat implements SchemaFormat {
  /** Where a schema with references is kept for its validator; no reference is expected to have this name. */
  private static final String SELF = ".tributary-schema.json";

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public JsonParsedSchema parse(String schemaText) {
    return parse(schemaText, List.of());
  }

  /**
   * A schema whose {@code $ref}s name other schemas by their reference names (a {@code $ref} of
   * {@code address.json} or {@code address.json#/definitions/street} reads the schema referenced as
   * {@code address.json}). Each referenced schema is validated like a schema of its own, and every {@code $ref}
   * to another document must name one of them. The canonical text keeps the {@code $ref}s (nothing is inlined).
   */
  @Override
  public JsonParsedSchema parse(String schemaText, List<ResolvedReference> references) {
    Map<String, Object> referenced = new LinkedHashMap<>();
    for (ResolvedReference reference : references) {
      try {
        referenced.put(reference.name(), parseDocument(reference.schema()));
      } catch (InvalidSchemaException e) {
        throw new InvalidSchemaException("Invalid JSON Schema: referenced schema '" + reference.name()
            + "' is invalid: " + e.getMessage());
      }
    }
    Object document = parseDocument(schemaText);
    List<Object> all = new ArrayList<>(referenced.values());
    all.add(document);
    // A $ref to another document needs a reference of that name (as in Confluent's registry), unless $ids inside
    // the documents may be what it names.
    if (all.stream().noneMatch(d -> Json.encode(d).contains("\"$id\""))) {
      for (Object d : all) {
        Optional<String> unknown = JsonPointers.firstExternal(d, referenced.keySet());
        if (unknown.isPresent()) {
          throw new InvalidSchemaException("Invalid JSON Schema: $ref " + unknown.get()
              + " names no schema reference");
        }
      }
    }
    Draft draft = Drafts.of(document);
    String canonical = Json.encode(document);
    // The validator annotates the objects it is given, so it gets its own copy and ours stays canonical.
    Object own = copy(document);
    JsonSchema schema = own instanceof JsonObject o ? JsonSchema.of(o) : JsonSchema.of((Boolean) own);
    Validator validator;
    if (referenced.isEmpty()) {
      validator = Validator.create(schema, MetaSchemas.options(draft));
    } else {
      SchemaRepository repository = SchemaRepository.create(MetaSchemas.options(draft));
      referenced.forEach((name, d) -> {
        Object copy = copy(d);
        try {
          repository.dereference(MetaSchemas.uriOf(name),
              copy instanceof JsonObject o ? JsonSchema.of(o) : JsonSchema.of((Boolean) copy));
        } catch (IllegalArgumentException | SchemaException e) {
          throw new InvalidSchemaException("Invalid JSON Schema: reference name '" + name + "' cannot be used as"
              + " a $ref: " + firstLine(e.getMessage()));
        }
      });
      // The schema itself goes into the repository too: only schemas known to it resolve relative $refs.
      String self = MetaSchemas.uriOf(SELF);
      repository.dereference(self, schema);
      validator = repository.validator(self);
    }
    return new JsonParsedSchema(document, draft, canonical, validator, referenced);
  }

  /** One schema document, checked against its draft's meta-schema and for local {@code $ref}s that dangle. */
  private static Object parseDocument(String schemaText) {
    Object document;
    try {
      document = Json.decodeValue(schemaText == null ? "" : schemaText);
    } catch (DecodeException e) {
      throw new InvalidSchemaException("Invalid JSON Schema: not JSON: " + firstLine(e.getMessage()));
    }
    if (!(document instanceof JsonObject) && !(document instanceof Boolean)) {
      throw new InvalidSchemaException("Invalid JSON Schema: a schema is a JSON object or a boolean");
    }
    Draft draft = Drafts.of(document);
    OutputUnit meta = MetaSchemas.validator(draft).validate(copy(document));
    if (!meta.getValid()) {
      throw new InvalidSchemaException("Invalid JSON Schema: " + ValidationErrors.describe(meta));
    }
    Optional<String> dangling = JsonPointers.firstDangling(document);
    if (dangling.isPresent()) {
      throw new InvalidSchemaException("Invalid JSON Schema: $ref " + dangling.get() + " does not resolve");
    }
    return document;
  }

  /** Every object's keys in alphabetical order, at every depth. */
  @Override
  public String normalizedText(ParsedSchema schema) {
    return JsonNormalization.normalize(json(schema).document());
  }

  @Override
  public byte[] jsonToPayload(ParsedSchema schema, Object jsonValue) {
    JsonParsedSchema json = json(schema);
    OutputUnit result;
    try {
      result = json.validator().validate(jsonValue);
    } catch (SchemaException e) {
      // A reference the validator cannot follow (e.g. to another document): the schema, not the data, is at fault.
      throw new InvalidSchemaException("JSON Schema cannot be applied: " + firstLine(e.getMessage()));
    }
    if (!result.getValid()) {
      throw new DataMismatchException("JSON does not match the schema: " + ValidationErrors.describe(result));
    }
    return Json.encodeToBuffer(jsonValue).getBytes();
  }

  @Override
  public Object payloadToJson(ParsedSchema schema, byte[] payload) {
    json(schema);
    try {
      return Json.decodeValue(Buffer.buffer(payload));
    } catch (DecodeException e) {
      throw new MalformedRecordException("JSON Schema payload is not JSON: " + firstLine(e.getMessage()));
    }
  }

  @Override
  public List<String> readProblems(ParsedSchema reader, ParsedSchema writer) {
    return JsonSchemaCompatibility.readProblems(json(reader), json(writer));
  }

  private static Object copy(Object document) {
    return document instanceof JsonObject o ? o.copy() : document;
  }

  private static String firstLine(String message) {
    return JsonErrorText.of(message);
  }

  private static JsonParsedSchema json(ParsedSchema schema) {
    if (schema instanceof JsonParsedSchema parsed) {
      return parsed;
    }
    throw new IllegalArgumentException("Not a JSON Schema: " + schema.type());
  }
}
