package io.tributary.formats;

import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;

/** The json embedded format: any JSON value in the body, its compact UTF-8 JSON text in Kafka. */
public final class JsonCodec implements EmbeddedCodec {
  public static final JsonCodec INSTANCE = new JsonCodec();

  private JsonCodec() {}

  @Override
  public EmbeddedFormat format() {
    return EmbeddedFormat.JSON;
  }

  @Override
  public byte[] toBytes(Object jsonValue, DataConversionException.Part part) {
    return jsonValue == null ? null : Json.encodeToBuffer(jsonValue).getBytes();
  }

  @Override
  public Object toJson(byte[] bytes, DataConversionException.Part part) {
    if (bytes == null) {
      return null;
    }
    try {
      return Json.decodeValue(Buffer.buffer(bytes));
    } catch (DecodeException e) {
      throw new DataConversionException(part, "Record " + part.label() + " is not valid JSON");
    }
  }
}
