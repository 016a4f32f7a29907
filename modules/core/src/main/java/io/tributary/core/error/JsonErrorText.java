package io.tributary.core.error;

import java.util.regex.Pattern;

/**
 * What a client may be shown of a JSON parser's complaint: its first line, without the parser's source location
 * ({@code " at [Source: …]"}) and without the names of the parser's own settings (Jackson writes
 * {@code "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)"}), which say nothing the client can use and
 * name the server's internals.
 */
public final class JsonErrorText {
  private static final Pattern SETTING = Pattern.compile(",?\\s*from\\s+`[^`]*`");
  // "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
  private static final Pattern FEATURE_HINT = Pattern.compile(":?\\s*\\(?enable\\s+`[^`]*`\\s+to allow\\)?");
  // Any other parser-internal name, which Jackson always quotes with backticks.
  private static final Pattern QUOTED_NAME = Pattern.compile("`[^`]*`");

  private JsonErrorText() {}

  /** The client-facing text of a parser message; "unreadable" when there is none. */
  public static String of(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    String m = message.startsWith("Failed to decode:") ? message.substring("Failed to decode:".length()) : message;
    int nl = m.indexOf('\n');
    m = nl >= 0 ? m.substring(0, nl) : m;
    int at = m.indexOf(" at [Source");
    m = at >= 0 ? m.substring(0, at) : m;
    m = SETTING.matcher(m).replaceAll("");
    m = FEATURE_HINT.matcher(m).replaceAll("");
    m = QUOTED_NAME.matcher(m).replaceAll("a parser setting");
    return m.trim();
  }
}
