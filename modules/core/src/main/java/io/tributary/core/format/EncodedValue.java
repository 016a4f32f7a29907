package io.tributary.core.format;

/**
 * A record key or value as stored in Kafka, with the schema-id header that names its schema when the producer used
 * header framing ({@code __key_schema_id} / {@code __value_schema_id}), else null.
 */
public record EncodedValue(byte[] bytes, byte[] schemaIdHeader) {
  public static EncodedValue of(byte[] bytes) {
    return new EncodedValue(bytes, null);
  }
}
