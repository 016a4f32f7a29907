package io.tributary.core.format;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/**
 * A JSON value of a request as its compact UTF-8 text (what {@code Json.encode} would write for it), taken straight
 * from the request by a streaming reader. It stands in for the value in {@link EncodeRequest#values()}: data that is
 * converted to a schema format anyway need not become a JSON tree on the event loop only to be written out as text
 * again by a converter that reads text (Avro); a converter that wants the tree asks {@link #value()}.
 */
public final class JsonText {
  private final byte[] utf8;

  /** @param utf8 compact JSON text of one value; not copied, never changed afterwards */
  public JsonText(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** The text's bytes; not to be changed. */
  public byte[] utf8() {
    return utf8;
  }

  /** The value as Vert.x JSON types, as {@code Json.decodeValue} reads it. */
  public Object value() {
    return Json.decodeValue(Buffer.buffer(utf8));
  }

  @Override
  public String toString() {
    return Buffer.buffer(utf8).toString();
  }
}
