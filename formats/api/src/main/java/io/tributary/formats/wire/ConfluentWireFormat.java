package io.tributary.formats.wire;

import io.tributary.formats.MalformedRecordException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The Confluent prefix framing of schema'd record values: magic byte {@code 0}, the schema id as a 4-byte big-endian
 * signed int, then the format payload. A null Kafka value is a tombstone and is never framed.
 */
public final class ConfluentWireFormat {
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte plus id. */
  public static final int PREFIX_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** {@code 00 <id> <payload>}. */
  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(PREFIX_LENGTH + payload.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  /**
   * Splits a prefix-framed value.
   *
   * @throws MalformedRecordException when the value is shorter than the prefix or does not start with magic 0
   */
  public static Framed unframe(byte[] value) {
    if (value == null || value.length < PREFIX_LENGTH) {
      int length = value == null ? 0 : value.length;
      throw new MalformedRecordException(
          "Record of " + length + " bytes is too short for the schema registry wire format (magic byte + 4-byte id)");
    }
    if (value[0] != MAGIC_BYTE) {
      throw new MalformedRecordException("Unknown magic byte " + (value[0] & 0xFF) + ": not schema registry framing");
    }
    int id = ByteBuffer.wrap(value, 1, 4).getInt();
    return new Framed(new SchemaRef.Id(id), Arrays.copyOfRange(value, PREFIX_LENGTH, value.length));
  }

  /**
   * Locates the schema of a consumed value: from the schema-id header when the record carries one (header framing,
   * §4.2), else from the value's prefix. In the header case any message-index bytes in the header are put in front
   * of the value, so that the payload has the same shape in both framings.
   *
   * @param value the record's key or value; a tombstone (null) must be handled before, it carries no schema
   * @param schemaIdHeader the value of {@code __key_schema_id}/{@code __value_schema_id}, or null when absent
   * @throws io.tributary.formats.MalformedRecordException when neither framing can be read
   */
  public static Framed read(byte[] value, byte[] schemaIdHeader) {
    if (schemaIdHeader == null) {
      return unframe(value);
    }
    SchemaIdHeader.Parsed header = SchemaIdHeader.parse(schemaIdHeader);
    byte[] body = value == null ? new byte[0] : value;
    byte[] indexes = header.messageIndexes();
    byte[] payload = new byte[indexes.length + body.length];
    System.arraycopy(indexes, 0, payload, 0, indexes.length);
    System.arraycopy(body, 0, payload, indexes.length, body.length);
    return new Framed(header.schema(), payload);
  }
}
