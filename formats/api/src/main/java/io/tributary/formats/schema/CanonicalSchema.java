package io.tributary.formats.schema;

/**
 * Base of the formats' parsed schemas: identity is the canonical text (within one format), which is what the registry
 * compares when it reuses ids.
 */
public abstract class CanonicalSchema implements ParsedSchema {
  private final String canonical;

  protected CanonicalSchema(String canonical) {
    this.canonical = canonical;
  }

  @Override
  public final String canonical() {
    return canonical;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && canonical.equals(((CanonicalSchema) o).canonical);
  }

  @Override
  public final int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public final String toString() {
    return canonical;
  }
}
