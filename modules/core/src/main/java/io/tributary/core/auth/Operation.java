package io.tributary.core.auth;

import java.util.Locale;
import java.util.Optional;

/** What a principal may do with a topic. */
public enum Operation {
  PRODUCE,
  CONSUME,
  ADMIN;

  public static Optional<Operation> parse(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
