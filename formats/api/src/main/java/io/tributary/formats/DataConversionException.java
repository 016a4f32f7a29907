package io.tributary.formats;

/**
 * Embedded data could not be converted (bad base64, bytes that are not JSON…). Carries which part of the record
 * failed so that each generation can phrase and code the error its own way. Stackless: it is an expected outcome.
 */
public final class DataConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Which part of a record the data belonged to. */
  public enum Part {
    KEY("key"),
    VALUE("value");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Part part;

  public DataConversionException(Part part, String message) {
    super(message, null, false, false);
    this.part = part;
  }

  public Part part() {
    return part;
  }
}
