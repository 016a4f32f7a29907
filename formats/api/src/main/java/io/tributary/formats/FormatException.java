package io.tributary.formats;

/**
 * The common parent of the schema-format failures, so that a caller can catch "anything the formats layer
 * rejected" in one place. Stackless: these are expected outcomes of bad input, not programming errors, and a stack
 * trace would only cost time and risk leaking into a response.
 */
public abstract class FormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  protected FormatException(String message) {
    super(message, null, false, false);
  }
}
