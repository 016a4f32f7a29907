package io.tributary.formats;

import io.tributary.core.format.EmbeddedFormat;
import java.util.Base64;

/** The binary embedded format: key and value are base64 strings in JSON, raw bytes in Kafka. */
public final class BinaryCodec implements EmbeddedCodec {
  public static final BinaryCodec INSTANCE = new BinaryCodec();

  private BinaryCodec() {}

  @Override
  public EmbeddedFormat format() {
    return EmbeddedFormat.BINARY;
  }

  @Override
  public byte[] toBytes(Object jsonValue, DataConversionException.Part part) {
    if (jsonValue == null) {
      return null;
    }
    if (!(jsonValue instanceof String text)) {
      throw invalid(part);
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(part);
    }
  }

  @Override
  public Object toJson(byte[] bytes, DataConversionException.Part part) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }

  private static DataConversionException invalid(DataConversionException.Part part) {
    String label = part.label();
    return new DataConversionException(part, "Record " + label + " contains invalid base64 encoding");
  }
}
