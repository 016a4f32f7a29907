package io.tributary.formats.wire;

import io.tributary.formats.MalformedRecordException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Kafka-style zig-zag varints (32-bit), the integer encoding of the Protobuf message-index array. */
final class Varints {
  private static final int MAX_BYTES = 5;

  private Varints() {}

  static void writeZigZag(int value, ByteArrayOutputStream out) {
    int v = (value << 1) ^ (value >> 31);
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /** Reads one zig-zag varint; the buffer's position moves past it. */
  static int readZigZag(ByteBuffer in) {
    int raw = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (!in.hasRemaining()) {
        throw new MalformedRecordException("Truncated varint in message-index array");
      }
      int b = in.get() & 0xFF;
      raw |= (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw new MalformedRecordException("Varint in message-index array is longer than 5 bytes");
  }
}
