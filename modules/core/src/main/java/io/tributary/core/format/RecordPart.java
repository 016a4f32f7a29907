package io.tributary.core.format;

/** Which half of a Kafka record some data belongs to; it decides subject names and error codes (42201/42202). */
public enum RecordPart {
  KEY,
  VALUE;

  public boolean isKey() {
    return this == KEY;
  }

  /** {@code key} or {@code value}, as messages name it. */
  public String label() {
    return this == KEY ? "key" : "value";
  }
}
