package io.tributary.core.produce;

/** The API generation whose route sent a produce request; a fixed set, so it can label meters. */
public enum ProduceGeneration {
  V1("v1"),
  V2("v2"),
  V3("v3"),
  EVENTSTREAMS("eventstreams");

  private final String label;

  ProduceGeneration(String label) {
    this.label = label;
  }

  /** The value of the {@code generation} label. */
  public String label() {
    return label;
  }
}
