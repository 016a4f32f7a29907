package io.tributary.core.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a principal may do with a topic ({@code produce}, {@code consume}, {@code admin}) or with a schema registry
 * subject ({@code schema-read}, {@code schema-write}, {@code admin}). Written in permission files in lower case,
 * with a dash.
 */
public enum Operation {
  PRODUCE,
  CONSUME,
  ADMIN,
  SCHEMA_READ,
  SCHEMA_WRITE;

  public static Optional<Operation> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The name as permission files write it: {@code schema-write}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
