package io.tributary.consumer;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An output stream into buffers of at most {@link #CHUNK_BYTES} each. A read's answer can be megabytes; one array of
 * that size would be a "humongous" allocation for G1 (half a region or more) and copied each time it grows, while
 * chunks of this size are ordinary young objects that the response writes one after another.
 */
final class BufferChunks extends OutputStream {
  static final int CHUNK_BYTES = 64 * 1024;

  private final List<Buffer> chunks = new ArrayList<>();
  private Buffer current;

  @Override
  public void write(int b) {
    room().appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      Buffer target = room();
      int n = Math.min(length, CHUNK_BYTES - target.length());
      target.appendBytes(bytes, offset, n);
      offset += n;
      length -= n;
    }
  }

  /** The buffers written so far, in order. */
  List<Buffer> chunks() {
    return chunks;
  }

  private Buffer room() {
    if (current == null || current.length() >= CHUNK_BYTES) {
      current = Buffer.buffer(CHUNK_BYTES);
      chunks.add(current);
    }
    return current;
  }
}
