package io.tributary.produce.v3;

import java.time.Instant;

/**
 * ISO-8601 texts of record timestamps for the receipts of one stream. Records written together mostly share their
 * millisecond, so the text of the last timestamp is kept and reused. Not thread-safe: one per stream.
 */
final class TimestampTexts {
  private long lastMillis = Long.MIN_VALUE;
  private String lastText;

  /** {@code Instant.ofEpochMilli(millis).toString()}. */
  String of(long millis) {
    if (millis != lastMillis || lastText == null) {
      lastText = Instant.ofEpochMilli(millis).toString();
      lastMillis = millis;
    }
    return lastText;
  }
}
