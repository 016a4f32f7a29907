package io.tributary.formats;

/**
 * Stored record bytes that cannot be read: not a Confluent frame (too short, wrong magic byte, bad message-index
 * array) or a payload that does not decode with the schema its id names. Raised on consume, never on produce.
 */
public final class MalformedRecordException extends FormatException {
  private static final long serialVersionUID = 1L;
  public MalformedRecordException(String message) {
    super(message);
  }
}
