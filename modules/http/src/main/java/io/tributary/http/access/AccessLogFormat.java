package io.tributary.http.access;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an {@link AccessLogEntry} becomes one line: {@code combined} (the default) or {@code json}. */
public enum AccessLogFormat {
  /**
   * NCSA combined, {@code client - principal [time] "METHOD path protocol" status bytes "referer" "user-agent"},
   * followed by two fields of Tributary's own: the duration in milliseconds and the generation ({@code -} when
   * none). Tools that parse combined lines ignore what follows the user agent.
   */
  COMBINED {
    @Override
    public String format(AccessLogEntry e) {
      return dash(e.client()) + " - " + dash(e.principal()).replace(" ", "%20") + " ["
          + ncsaTime(e.time()) + "] \"" + e.method() + " " + escape(e.path()) + " " + e.protocol() + "\" "
          + e.status() + " " + (e.bytes() > 0 ? Long.toString(e.bytes()) : "-") + " \"" + escape(dash(e.referer()))
          + "\" \"" + escape(dash(e.userAgent())) + "\" " + e.durationMs() + " " + dash(e.generation());
    }
  },
  /** One JSON object per line; absent values are null. */
  JSON {
    @Override
    public String format(AccessLogEntry e) {
      return new JsonObject().put("time", e.time().toString()).put("client", e.client())
          .put("principal", e.principal()).put("method", e.method()).put("path", e.path())
          .put("protocol", e.protocol()).put("status", e.status()).put("bytes", e.bytes())
          .put("duration_ms", e.durationMs()).put("generation", e.generation()).put("referer", e.referer())
          .put("user_agent", e.userAgent()).encode();
    }
  };

  private static final DateTimeFormatter NCSA_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** The last second formatted: one line after another mostly falls in the same second. */
  private static volatile FormattedSecond lastSecond = new FormattedSecond(Long.MIN_VALUE, "");

  public abstract String format(AccessLogEntry entry);

  /** {@code NCSA_TIME.format(time)}, formatted once per second rather than once per line. */
  private static String ncsaTime(Instant time) {
    FormattedSecond last = lastSecond;
    long second = time.getEpochSecond();
    if (last.epochSecond() != second) {
      last = new FormattedSecond(second, NCSA_TIME.format(time));
      lastSecond = last;
    }
    return last.text();
  }

  private record FormattedSecond(long epochSecond, String text) {}

  /** {@code combined} or {@code json}, as {@code access.log.format} spells them. */
  public static AccessLogFormat of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  private static String dash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /** Keeps a client-chosen value on its line and inside its quotes: no way to forge a second entry. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
