package io.tributary.formats.wire;

import io.tributary.formats.MalformedRecordException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * The header framing of Schema Registry 8.x serializers (opt-in there): the schema is named by a record header
 * instead of a value prefix. Its value is {@code 01 <16-byte GUID>} or {@code 00 <4-byte id>}, followed by the
 * Protobuf message-index array when the format is Protobuf. Tributary only reads this framing; it produces the
 * prefix framing.
 */
public final class SchemaIdHeader {
  public static final String KEY_HEADER = "__key_schema_id";
  public static final String VALUE_HEADER = "__value_schema_id";

  private static final byte MAGIC_ID = 0;
  private static final byte MAGIC_GUID = 1;
  private static final int GUID_LENGTH = 16;

  private SchemaIdHeader() {}

  /** The header name for a record's key or value. */
  public static String name(boolean isKey) {
    return isKey ? KEY_HEADER : VALUE_HEADER;
  }

  /** A parsed header: the schema and the raw message-index bytes that followed it (empty for Avro/JSON). */
  public record Parsed(SchemaRef schema, byte[] messageIndexes) {}

  /**
   * Parses a header value.
   *
   * @throws MalformedRecordException when the value is truncated or has an unknown magic byte
   */
  public static Parsed parse(byte[] headerValue) {
    if (headerValue == null || headerValue.length == 0) {
      throw new MalformedRecordException("Empty schema id header");
    }
    ByteBuffer in = ByteBuffer.wrap(headerValue);
    byte magic = in.get();
    SchemaRef ref;
    if (magic == MAGIC_GUID) {
      requireRemaining(in, GUID_LENGTH, "GUID");
      ref = new SchemaRef.Guid(new UUID(in.getLong(), in.getLong()));
    } else if (magic == MAGIC_ID) {
      requireRemaining(in, Integer.BYTES, "id");
      ref = new SchemaRef.Id(in.getInt());
    } else {
      throw new MalformedRecordException("Unknown magic byte " + (magic & 0xFF) + " in schema id header");
    }
    return new Parsed(ref, Arrays.copyOfRange(headerValue, in.position(), headerValue.length));
  }

  private static void requireRemaining(ByteBuffer in, int needed, String what) {
    if (in.remaining() < needed) {
      throw new MalformedRecordException(
          "Schema id header too short: " + needed + " bytes of " + what + " expected, " + in.remaining() + " found");
    }
  }
}
