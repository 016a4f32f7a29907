package io.tributary.core.config;

/**
 * An invalid configuration value, or one the server cannot use (a port in use, a file it cannot read); the message
 * always names the key, and the launcher prints it as the one line that explains a failed start.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ConfigException(String key, String problem) {
    this(key, problem, null);
  }

  /** @param cause what went wrong underneath, for the debug log only */
  public ConfigException(String key, String problem, Throwable cause) {
    super("Invalid configuration for '" + key + "': " + problem, cause);
    this.key = key;
  }

  /** A listener whose socket cannot be opened (the port is in use, the host is not this machine's…). */
  public static ConfigException cannotListen(String key, String value, String host, int port, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ConfigException(key, "'" + value + "' cannot be used: listening on " + host + ":" + port + " fails ("
        + reason + ")", cause);
  }

  public String key() {
    return key;
  }
}
