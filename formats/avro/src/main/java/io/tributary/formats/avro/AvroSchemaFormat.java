package io.tributary.formats.avro;

import io.tributary.core.format.JsonText;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Avro: schemas parsed strictly (names and defaults validated, as the registry does for new schemas), JSON in the
 * Avro JSON encoding, payloads in Avro binary, compatibility by Avro's own {@link SchemaCompatibility}.
 */
public final class AvroSchemaFormat implements SchemaFormat {
  private static final String RESOLVED = "resolved";

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public AvroParsedSchema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new InvalidSchemaException("Empty Avro schema");
    }
    try {
      return new AvroParsedSchema(new Schema.Parser().setValidateDefaults(true).parse(schemaText));
    } catch (RuntimeException e) {
      // SchemaParseException for bad schemas, AvroRuntimeException and Jackson's unchecked wrappers for bad JSON.
      throw new InvalidSchemaException("Invalid Avro schema: " + AvroJson.describe(e));
    }
  }

  /**
   * Custom properties and aliases in alphabetical order, then Avro's own canonical writing (which fixes the order
   * of the attributes it knows and the spelling of names).
   */
  @Override
  public String normalizedText(ParsedSchema schema) {
    String sorted = AvroNormalization.normalize(schema.canonical());
    try {
      return parse(sorted).canonical();
    } catch (InvalidSchemaException e) {
      // A schema naming types of its references does not parse alone; the registry parses this text again with
      // its references, which writes it Avro's way.
      return sorted;
    }
  }

  /**
   * A schema using named types defined by its references: the referenced texts are parsed first by the same parser,
   * so their types are known by full name. The canonical text names those types without inlining them (as
   * Confluent's registry stores it); {@code format=resolved} inlines them.
   */
  @Override
  // Schema.toString(known types, pretty) is deprecated in Avro 1.12; it is what writes the referenced types by
  // name instead of inlining them.
  @SuppressWarnings("deprecation")
  public AvroParsedSchema parse(String schemaText, List<ResolvedReference> references) {
    if (references.isEmpty()) {
      return parse(schemaText);
    }
    if (schemaText == null || schemaText.isBlank()) {
      throw new InvalidSchemaException("Empty Avro schema");
    }
    Schema.Parser parser = new Schema.Parser().setValidateDefaults(true);
    List<Schema> referenced = new ArrayList<>(references.size());
    for (ResolvedReference reference : references) {
      try {
        referenced.add(parser.parse(reference.schema()));
      } catch (RuntimeException e) {
        throw new InvalidSchemaException("Invalid Avro schema: referenced schema '" + reference.name()
            + "' does not parse: " + AvroJson.describe(e));
      }
    }
    Schema schema;
    try {
      schema = parser.parse(schemaText);
    } catch (RuntimeException e) {
      throw new InvalidSchemaException("Invalid Avro schema: " + AvroJson.describe(e));
    }
    return new AvroParsedSchema(schema, schema.toString(referenced, false));
  }

  /** {@code resolved}: the schema with every referenced named type written out in place; otherwise the text. */
  @Override
  public String formatted(ParsedSchema schema, String format) {
    return RESOLVED.equals(format) ? avro(schema).toString() : schema.canonical();
  }

  @Override
  public byte[] jsonToPayload(ParsedSchema schema, Object jsonValue) {
    return textToPayload(schema, Json.encodeToBuffer(jsonValue).getBytes());
  }

  /** Avro reads JSON text: the request's text goes to its decoder as it is. */
  @Override
  public byte[] jsonTextToPayload(ParsedSchema schema, JsonText json) {
    return textToPayload(schema, json.utf8());
  }

  /** All of a request's values through one JSON decoder ({@link AvroJson#toDatums}). */
  @Override
  public List<byte[]> jsonTextsToPayloads(ParsedSchema schema, List<JsonText> values) {
    List<byte[]> texts = new ArrayList<>(values.size());
    for (JsonText value : values) {
      texts.add(value.utf8());
    }
    AvroDatumCodecs codecs = ((AvroParsedSchema) schema).codecs();
    List<byte[]> payloads = new ArrayList<>(values.size());
    for (Object datum : AvroJson.toDatums(codecs, texts)) {
      payloads.add(binary(schema, codecs, datum));
    }
    return payloads;
  }

  private byte[] textToPayload(ParsedSchema schema, byte[] json) {
    AvroDatumCodecs codecs = ((AvroParsedSchema) schema).codecs();
    return binary(schema, codecs, AvroJson.toDatum(codecs, json));
  }

  private byte[] binary(ParsedSchema schema, AvroDatumCodecs codecs, Object datum) {
    try {
      return AvroBinary.write(avro(schema), codecs, datum);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory failed", e);
    }
  }

  @Override
  public Object payloadToJson(ParsedSchema schema, byte[] payload) {
    Schema avro = avro(schema);
    try {
      return AvroJson.toJson(avro, AvroBinary.read(avro, payload));
    } catch (IOException | RuntimeException e) {
      // Truncated input (EOFException), bad lengths or union indexes (AvroRuntimeException, IndexOutOfBounds).
      throw new MalformedRecordException("Avro payload does not decode with schema: " + AvroJson.describe(e));
    }
  }

  @Override
  public List<String> readProblems(ParsedSchema reader, ParsedSchema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(avro(reader), avro(writer));
    return result.getResult().getIncompatibilities().stream().map(AvroSchemaFormat::describe).toList();
  }

  private static String describe(Incompatibility incompatibility) {
    return incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage();
  }

  private static Schema avro(ParsedSchema schema) {
    if (schema instanceof AvroParsedSchema parsed) {
      return parsed.avroSchema();
    }
    throw new IllegalArgumentException("Not an Avro schema: " + schema.type());
  }
}
