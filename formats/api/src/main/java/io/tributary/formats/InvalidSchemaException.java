package io.tributary.formats;

/**
 * A schema text that cannot be parsed or is not a valid schema of its type (bad Avro JSON, .proto syntax errors,
 * unresolvable types, a JSON Schema that breaks its meta-schema). Produce maps it to 42205, the registry to 42201.
 */
public final class InvalidSchemaException extends FormatException {
  private static final long serialVersionUID = 1L;
  public InvalidSchemaException(String message) {
    super(message);
  }
}
