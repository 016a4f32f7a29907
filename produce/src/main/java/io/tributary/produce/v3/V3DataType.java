package io.tributary.produce.v3;

import io.tributary.core.EnumNames;
import java.util.Optional;

/** The {@code type} of a v3 produce record's key or value. */
enum V3DataType {
  BINARY(false),
  JSON(false),
  STRING(false),
  AVRO(true),
  JSONSCHEMA(true),
  PROTOBUF(true);

  private final boolean requiresSchema;

  V3DataType(boolean requiresSchema) {
    this.requiresSchema = requiresSchema;
  }

  /** Whether data of this type is written with a registered schema (Confluent wire format). */
  boolean requiresSchema() {
    return requiresSchema;
  }

  /** The type named by {@code text}, in any letter case. */
  static Optional<V3DataType> parse(String text) {
    return EnumNames.parse(V3DataType.class, text);
  }
}
