package io.tributary.formats.schema;

import io.tributary.core.format.JsonText;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * One schema language (Avro, Protobuf, JSON Schema): parsing schema texts, converting between the JSON of REST
 * bodies and the bytes of the Confluent wire format, and deciding schema compatibility. Implementations are
 * stateless, thread-safe, CPU-bound (run them off the event loop), and discovered with {@link SchemaFormats}.
 *
 * <p>A payload is everything after the 4-byte schema id of the prefix framing: for Protobuf the message-index
 * array followed by the message, for the other formats the encoded datum. Framing is
 * {@link io.tributary.formats.wire.ConfluentWireFormat}'s job.
 */
public interface SchemaFormat {
  SchemaType type();

  /**
   * Parses and validates a schema text.
   *
   * @throws InvalidSchemaException when the text is not a valid schema of this type
   */
  ParsedSchema parse(String schemaText);

  /**
   * Parses a schema text that refers to other schemas (schema references): {@code references} holds every schema it
   * needs, transitively, dependencies first. The canonical text stays the schema's own text (references are not
   * inlined); {@link #formatted} with {@code resolved} inlines them where the format can.
   *
   * @throws InvalidSchemaException when the text or a referenced text is invalid, or refers to a name it lacks
   */
  default ParsedSchema parse(String schemaText, List<ResolvedReference> references) {
    if (references.isEmpty()) {
      return parse(schemaText);
    }
    throw new InvalidSchemaException(type().wireName() + " schemas cannot have schema references");
  }

  /**
   * The schema in one of the registry's output formats (the {@code format} query parameter): Protobuf's
   * {@code serialized} is the base64 of its {@code FileDescriptorProto}; {@code resolved} inlines schema references
   * where the format can. A format a type does not have, or none, gives the canonical text, as Confluent's registry
   * does.
   */
  default String formatted(ParsedSchema schema, String format) {
    return schema.canonical();
  }

  /**
   * The text of the schema normalized as Confluent's registry normalizes it when asked to ({@code normalize=true}):
   * a form in which schemas that differ only in what carries no meaning (the order of properties, imports, options
   * or fields, how a name is spelled) are equal. The registry parses the text again and stores that. By default,
   * the canonical text.
   */
  default String normalizedText(ParsedSchema schema) {
    return schema.canonical();
  }

  /**
   * Encodes a JSON value from a request ({@code JsonObject}, {@code JsonArray}, {@code String}, {@code Number},
   * {@code Boolean} or {@code null}) with the schema.
   *
   * @throws DataMismatchException when the value does not fit the schema
   */
  byte[] jsonToPayload(ParsedSchema schema, Object jsonValue);

  /**
   * {@link #jsonToPayload} for a value given as its JSON text; a format that reads text anyway (Avro) overrides this
   * to skip the tree.
   */
  default byte[] jsonTextToPayload(ParsedSchema schema, JsonText json) {
    return jsonToPayload(schema, json.value());
  }

  /**
   * {@link #jsonTextToPayload} for each of a request's values, in order; the first value that does not fit fails
   * the call. A format that can read many values at once for less (Avro) overrides this.
   *
   * @throws DataMismatchException when a value does not fit the schema
   */
  default List<byte[]> jsonTextsToPayloads(ParsedSchema schema, List<JsonText> values) {
    List<byte[]> payloads = new ArrayList<>(values.size());
    for (JsonText value : values) {
      payloads.add(jsonTextToPayload(schema, value));
    }
    return payloads;
  }

  /**
   * Decodes a payload written with the schema into the JSON value a response carries.
   *
   * @throws MalformedRecordException when the bytes do not decode with the schema
   */
  Object payloadToJson(ParsedSchema schema, byte[] payload);

  /**
   * Why a consumer holding {@code reader} could not read data written with {@code writer} (both of this format);
   * empty when it can. The compatibility levels are built from this one question.
   */
  List<String> readProblems(ParsedSchema reader, ParsedSchema writer);

  /**
   * The problems that stop {@code candidate} from being registered after {@code existing} (oldest first, latest
   * last) at {@code level}; empty when it is compatible.
   */
  default List<String> compatibilityProblems(
      ParsedSchema candidate, List<? extends ParsedSchema> existing, CompatibilityLevel level) {
    return CompatibilityCheck.problems(this, candidate, existing, level);
  }

  /** Whether {@code candidate} may follow {@code existing} (oldest first) at {@code level}. */
  default boolean isCompatible(ParsedSchema candidate, List<? extends ParsedSchema> existing, CompatibilityLevel level) {
    return compatibilityProblems(candidate, existing, level).isEmpty();
  }
}
