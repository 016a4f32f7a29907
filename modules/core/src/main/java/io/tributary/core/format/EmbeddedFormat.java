package io.tributary.core.format;

import java.util.Locale;
import java.util.Optional;

/** How record keys and values are carried inside a JSON request or response body. */
public enum EmbeddedFormat {
  BINARY("binary"),
  JSON("json"),
  AVRO("avro"),
  JSONSCHEMA("jsonschema"),
  PROTOBUF("protobuf");

  private final String wireName;

  EmbeddedFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in media types and in a consumer's {@code format} field. */
  public String wireName() {
    return wireName;
  }

  /** Parses a {@code format} field, case-insensitively; empty when the name is unknown. */
  public static Optional<EmbeddedFormat> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (EmbeddedFormat f : values()) {
      if (f.wireName.equals(lower)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Whether this format needs a schema registry. */
  public boolean usesSchemas() {
    return this == AVRO || this == JSONSCHEMA || this == PROTOBUF;
  }
}
