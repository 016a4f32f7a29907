package io.tributary.core.config;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed configuration key: its name (a Confluent kafka-rest name where one exists), default, parser, an optional
 * constraint and a line of documentation.
 */
public record ConfigKey<T>(String name, T defaultValue, Function<String, T> parser, Predicate<T> constraint,
    String constraintText, String doc) {

  /** Parses and checks a raw value, throwing a {@link ConfigException} that names this key. */
  public T parse(String raw) {
    T value;
    try {
      value = parser.apply(raw.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(name, "'" + raw + "' is not " + constraintText);
    }
    if (constraint != null && !constraint.test(value)) {
      throw new ConfigException(name, "'" + raw + "' is not " + constraintText);
    }
    return value;
  }

  public static ConfigKey<String> string(String name, String def, String doc) {
    return new ConfigKey<>(name, def, s -> s, null, "a string", doc);
  }

  public static ConfigKey<Integer> integer(String name, int def, int min, int max, String doc) {
    return new ConfigKey<>(name, def, Integer::valueOf, v -> v >= min && v <= max,
        "an integer between " + min + " and " + max, doc);
  }

  public static ConfigKey<Long> longValue(String name, long def, long min, long max, String doc) {
    return new ConfigKey<>(name, def, Long::valueOf, v -> v >= min && v <= max,
        "an integer between " + min + " and " + max, doc);
  }

  public static ConfigKey<Boolean> bool(String name, boolean def, String doc) {
    return new ConfigKey<>(name, def, ConfigKey::parseBoolean, null, "true or false", doc);
  }

  public static ConfigKey<String> oneOf(String name, String def, java.util.Set<String> allowed, String doc) {
    return new ConfigKey<>(name, def, s -> s, allowed::contains, "one of " + allowed, doc);
  }

  private static Boolean parseBoolean(String s) {
    if ("true".equalsIgnoreCase(s)) {
      return true;
    }
    if ("false".equalsIgnoreCase(s)) {
      return false;
    }
    throw new IllegalArgumentException(s);
  }
}
