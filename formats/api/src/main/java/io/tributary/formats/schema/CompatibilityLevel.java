package io.tributary.formats.schema;

import io.tributary.core.EnumNames;
import java.util.Optional;

/** The registry's compatibility levels: which directions are checked, against the latest or all versions. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The new schema must be able to read data written with the old one(s). */
  public boolean backward() {
    return backward;
  }

  /** The old schema(s) must be able to read data written with the new one. */
  public boolean forward() {
    return forward;
  }

  /** Checked against every earlier version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** Parses a level name case-insensitively ({@code backward}, {@code FULL_TRANSITIVE}, …). */
  public static Optional<CompatibilityLevel> parse(String name) {
    return EnumNames.parse(CompatibilityLevel.class, name == null ? null : name.trim());
  }
}
