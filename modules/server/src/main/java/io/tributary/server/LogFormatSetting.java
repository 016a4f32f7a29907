package io.tributary.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the application log format that logback.xml reads (system property {@code log.format}, else environment
 * variable {@code TRIBUTARY_LOG_FORMAT}): logback would take any other value than {@code text} or {@code json} as
 * the name of an appender that does not exist and silently log nothing.
 */
final class LogFormatSetting {
  static final String PROPERTY = "log.format";
  static final String ENV = "TRIBUTARY_LOG_FORMAT";
  private static final Set<String> FORMATS = Set.of("text", "json");

  private LogFormatSetting() {}

  /** The error to stop start-up with, if the setting names no format. */
  static Optional<String> problem(String property, Map<String, String> env) {
    String name = property != null ? PROPERTY : ENV;
    String value = property != null ? property : env.get(ENV);
    if (value == null || FORMATS.contains(value)) {
      return Optional.empty();
    }
    return Optional.of("Invalid log format '" + value + "' (" + name + "): use text or json");
  }
}
