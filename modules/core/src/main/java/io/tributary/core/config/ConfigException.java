package io.tributary.core.config;

/** An invalid configuration value; the message always names the key. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String problem) {
    super("Invalid configuration for '" + key + "': " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
