package io.tributary.core.produce;

import java.util.Objects;

/** Who sent a produce request and in which format, for the produce meters' {@code generation} and {@code format}. */
public record ProduceOrigin(ProduceGeneration generation, ProduceFormat format) {
  public ProduceOrigin {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(format, "format");
  }
}
