package io.tributary.core.error;

/**
 * A failure that carries its {@link ErrorCode}. Stackless: these cross layers and the event bus as values,
 * and a stack trace would only cost time and risk leaking into a response.
 */
public final class TributaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode errorCode;
  private final int code;

  public TributaryException(ErrorCode errorCode, String message) {
    this(errorCode, errorCode.code(), message);
  }

  /** A failure whose numeric code is not (or not only) the registry's, e.g. an error code relayed as-is. */
  public TributaryException(ErrorCode errorCode, int code, String message) {
    super(message == null ? errorCode.message() : message, null, false, false);
    this.errorCode = errorCode;
    this.code = code;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The value that goes into {@code error_code}. */
  public int code() {
    return code;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return ErrorCode.statusOf(code);
  }
}
