package io.tributary.formats;

import io.tributary.core.format.EmbeddedFormat;

/**
 * Converts one embedded format between its JSON representation in a request/response body and the record bytes
 * stored in Kafka. Implementations are stateless and cheap; schema formats (which need a registry) are served by
 * worker verticles instead and do not implement this.
 */
public interface EmbeddedCodec {
  EmbeddedFormat format();

  /**
   * The bytes for a JSON value taken from a request ({@code null} JSON means a null key/value).
   *
   * @throws DataConversionException when the value is not valid for this format
   */
  byte[] toBytes(Object jsonValue, DataConversionException.Part part);

  /**
   * The JSON value for stored bytes ({@code null} bytes give JSON null).
   *
   * @throws DataConversionException when the bytes cannot be represented in this format
   */
  Object toJson(byte[] bytes, DataConversionException.Part part);

  /** The built-in codec for binary or json; empty for the schema formats. */
  static java.util.Optional<EmbeddedCodec> builtIn(EmbeddedFormat format) {
    return switch (format) {
      case BINARY -> java.util.Optional.of(BinaryCodec.INSTANCE);
      case JSON -> java.util.Optional.of(JsonCodec.INSTANCE);
      default -> java.util.Optional.empty();
    };
  }
}
