package io.tributary.formats;

/**
 * JSON data from a request that does not fit the schema it is to be written with (a wrong type, a missing required
 * field, a union value without its branch name…). Maps to 42203 (v2) or a per-record 400 (v3).
 */
public final class DataMismatchException extends FormatException {
  private static final long serialVersionUID = 1L;
  public DataMismatchException(String message) {
    super(message);
  }
}
