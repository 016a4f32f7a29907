package io.tributary.core.admin;

/** Sets a config to {@code value} (which may be null), or, when {@code delete}, resets it to its default. */
public record ConfigChange(String name, String value, boolean delete) {
  public static ConfigChange set(String name, String value) {
    return new ConfigChange(name, value, false);
  }

  public static ConfigChange reset(String name) {
    return new ConfigChange(name, null, true);
  }
}
