package io.tributary.formats.wire;

import io.tributary.formats.MalformedRecordException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Protobuf message-index array of the Confluent wire format: the path of the message type inside its .proto
 * file (index among the top-level messages, then among that message's nested messages, …), written as a zig-zag
 * varint count followed by zig-zag varint indexes. The overwhelmingly common path {@code [0]} is written as the single
 * byte {@code 00} (a count of zero), and a count of zero is read back as {@code [0]}.
 */
public final class MessageIndexes {
  /** The path of the first top-level message, the default for produce. */
  public static final List<Integer> FIRST = List.of(0);

  private MessageIndexes() {}

  /** The array for a path; {@code [0]} gives {@code 00}, {@code [1,0]} gives {@code 04 02 00}. */
  public static byte[] encode(List<Integer> path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("A message path has at least one index");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 + path.size());
    if (path.equals(FIRST)) {
      Varints.writeZigZag(0, out);
      return out.toByteArray();
    }
    Varints.writeZigZag(path.size(), out);
    for (int index : path) {
      if (index < 0) {
        throw new IllegalArgumentException("Message indexes are never negative: " + path);
      }
      Varints.writeZigZag(index, out);
    }
    return out.toByteArray();
  }

  /** A decoded array: the message path and how many bytes the array took. */
  public record Decoded(List<Integer> path, int length) {}

  /**
   * Reads the array at the start of a Protobuf payload.
   *
   * @throws MalformedRecordException when the bytes are not a well-formed array (truncated, a negative count or
   *     index, a count larger than the bytes that follow)
   */
  public static Decoded decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    int count = Varints.readZigZag(in);
    if (count < 0) {
      throw new MalformedRecordException("Negative message-index count " + count + ": not a Protobuf payload");
    }
    if (count == 0) {
      return new Decoded(FIRST, in.position());
    }
    // Each index takes at least one byte, so a count beyond the remaining bytes is garbage, not a huge allocation.
    if (count > in.remaining()) {
      throw new MalformedRecordException("Message-index count " + count + " exceeds the payload");
    }
    List<Integer> path = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = Varints.readZigZag(in);
      if (index < 0) {
        throw new MalformedRecordException("Negative message index " + index);
      }
      path.add(index);
    }
    return new Decoded(List.copyOf(path), in.position());
  }
}
