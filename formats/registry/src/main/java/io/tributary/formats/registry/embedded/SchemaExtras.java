package io.tributary.formats.registry.embedded;

/**
 * A version's {@code metadata} and {@code ruleSet} as the client sent them (encoded JSON objects, null when absent).
 * The registry stores and returns them unchanged and never evaluates them; they are part of a schema's identity,
 * so the same text with other metadata is another schema (another id), as in Confluent's registry.
 */
public record SchemaExtras(String metadata, String ruleSet) {
  public static final SchemaExtras NONE = new SchemaExtras(null, null);

  public boolean isEmpty() {
    return metadata == null && ruleSet == null;
  }

  /**
   * Whether a request with these extras names a stored version that has {@code stored}: a request without any
   * (a serializer that knows nothing of them) matches whatever the version has, as Confluent's registry carries a
   * subject's metadata and rules over to a registration that leaves them out.
   */
  boolean matches(SchemaExtras stored) {
    return isEmpty() || equals(stored);
  }
}
