package io.tributary.core;

import java.util.Locale;
import java.util.Optional;

/** Looks up enum constants by a client's spelling of their name, in any letter case. */
public final class EnumNames {
  private EnumNames() {}

  /**
   * The constant of {@code type} whose name is {@code name} in any letter case; empty for null or an unknown name.
   * Nothing is trimmed: callers that accept surrounding blanks trim first.
   */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
