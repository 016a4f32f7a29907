package io.tributary.formats.schema;

import io.tributary.core.EnumNames;
import io.tributary.core.format.EmbeddedFormat;
import java.util.Optional;

/** The registry's {@code schemaType}: which language a schema text is written in. */
public enum SchemaType {
  AVRO(EmbeddedFormat.AVRO),
  PROTOBUF(EmbeddedFormat.PROTOBUF),
  JSON(EmbeddedFormat.JSONSCHEMA);

  private final EmbeddedFormat embeddedFormat;

  SchemaType(EmbeddedFormat embeddedFormat) {
    this.embeddedFormat = embeddedFormat;
  }

  /** The name used in registry requests and responses ({@code AVRO}, {@code PROTOBUF}, {@code JSON}). */
  public String wireName() {
    return name();
  }

  /** The embedded format of the REST API that carries data of this type. */
  public EmbeddedFormat embeddedFormat() {
    return embeddedFormat;
  }

  /** The schema type behind a schema'd embedded format; empty for binary/json. */
  public static Optional<SchemaType> of(EmbeddedFormat format) {
    for (SchemaType t : values()) {
      if (t.embeddedFormat == format) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a registry {@code schemaType}, case-insensitively. A missing (null or empty) value means AVRO, as the
   * registry omits the field for Avro up to 7.9; empty when the name is unknown.
   */
  public static Optional<SchemaType> parse(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(AVRO);
    }
    return EnumNames.parse(SchemaType.class, name);
  }
}
