package io.tributary.formats.registry;

/**
 * A registry answered with an error: its numeric {@code error_code} (40401 subject not found, 40403 schema not
 * found, 40901 incompatible, 42201 invalid schema, 50001…) and message, or a transport failure (code 50003 style
 * 5xx). Callers map it to their own errors (kafka-rest: 42207, or 40301 for a registry 40301). Stackless.
 */
public final class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 40901;
  public static final int INVALID_SCHEMA = 42201;

  private final int errorCode;

  public SchemaRegistryException(int errorCode, String message) {
    super(message, null, false, false);
    this.errorCode = errorCode;
  }

  /** The registry's {@code error_code}. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status the registry answered with (the first three digits of a five-digit code). */
  public int status() {
    return errorCode >= 10000 ? errorCode / 100 : errorCode;
  }
}
