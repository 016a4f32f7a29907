package io.tributary.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts the receipts of a v3 stream as their bytes arrive, in buffers that may split a receipt anywhere: each
 * receipt ends with {@code \r\n} and must begin with {@code {"error_code":200,}. Once a receipt's beginning is
 * checked, the rest of it is skipped by a search for its line feed instead of being looked at byte by byte (the
 * load generator shares the cores with the one proxy event loop that this scenario measures).
 */
final class ReceiptCounter {
  private static final byte[] SUCCESS = "{\"error_code\":200,".getBytes(StandardCharsets.US_ASCII);

  private final byte[] head = new byte[SUCCESS.length];
  private int headLength;
  private boolean sawCr;
  private long receipts;

  /** Takes the next bytes of the stream; false when a receipt does not begin as a success does. */
  boolean accept(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      byte b = bytes[i];
      if (sawCr && b == '\n') {
        sawCr = false;
        headLength = 0;
        receipts++;
        i++;
        continue;
      }
      if (headLength < head.length) {
        sawCr = b == '\r';
        head[headLength++] = b;
        if (headLength == head.length && !Arrays.equals(head, SUCCESS)) {
          return false;
        }
        i++;
        continue;
      }
      // The receipt's beginning is checked: jump to its line feed, which ends it when a carriage return precedes.
      int lineFeed = indexOfLineFeed(bytes, i);
      if (lineFeed < 0) {
        sawCr = bytes[bytes.length - 1] == '\r';
        return true;
      }
      if (lineFeed > i) {
        sawCr = bytes[lineFeed - 1] == '\r';
      }
      if (sawCr) {
        headLength = 0;
        receipts++;
      }
      sawCr = false;
      i = lineFeed + 1;
    }
    return true;
  }

  long receipts() {
    return receipts;
  }

  private static int indexOfLineFeed(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
