package io.tributary.core.produce;

import io.tributary.core.format.EmbeddedFormat;

/**
 * The format a produce request's records were sent in: the embedded formats of v1/v2, v3's data types, and the
 * Event Streams body kinds. A fixed set, so it can label meters; never the client's own text.
 */
public enum ProduceFormat {
  BINARY("binary"),
  JSON("json"),
  AVRO("avro"),
  JSONSCHEMA("jsonschema"),
  PROTOBUF("protobuf"),
  /** v3's STRING type. */
  STRING("string"),
  /** An Event Streams body stored unchanged (text, XML, octets). */
  RAW("raw"),
  /** A v3 request whose records use more than one type. */
  MIXED("mixed");

  private final String label;

  ProduceFormat(String label) {
    this.label = label;
  }

  /** The value of the {@code format} label. */
  public String label() {
    return label;
  }

  /** The produce format of a v1/v2 embedded format. */
  public static ProduceFormat of(EmbeddedFormat format) {
    return valueOf(format.name());
  }
}
