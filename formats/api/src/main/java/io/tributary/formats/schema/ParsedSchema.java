package io.tributary.formats.schema;

import java.util.Optional;

/**
 * A schema text that its {@link SchemaFormat} has parsed and validated. Immutable and safe to share between threads
 * and to cache by id. Two parsed schemas are equal when their type and canonical text are.
 */
public interface ParsedSchema {
  SchemaType type();

  /**
   * The canonical text the registry stores and compares (for id reuse): Avro's compact {@code Schema.toString()},
   * the normalised .proto text for Protobuf, compact JSON for JSON Schema.
   */
  String canonical();

  /**
   * The name the record-based subject strategies use: the Avro record's full name, the full name of the Protobuf
   * message being written, the JSON Schema's {@code title}. Empty when the schema has none.
   */
  Optional<String> recordName();

  /**
   * Whether {@code other} is the same schema even if its canonical text differs: true for Protobuf's descriptor and
   * text forms of one file. By default, equality.
   */
  default boolean sameAs(ParsedSchema other) {
    return equals(other);
  }
}
