package io.tributary.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogFormatTest {
  private static final Instant TIME = Instant.parse("2026-12-05T20:52:25.123Z");

  private static AccessLogEntry entry(String path, String principal, String userAgent, long bytes) {
    return new AccessLogEntry(TIME, "10.1.2.3", principal, "GET", path, "HTTP/1.1", 200, bytes, 7, "v2", null,
        userAgent);
  }

  @Test
  void combinedIsNcsaCombinedFollowedByDurationAndGeneration() {
    assertThat(AccessLogFormat.COMBINED.format(entry("/topics", "alice", "curl/8.5", 42)))
        .isEqualTo("10.1.2.3 - alice [05/Dec/2026:20:52:25 +0000] \"GET /topics HTTP/1.1\" 200 42 \"-\" \"curl/8.5\""
            + " 7 v2");
  }

  @Test
  void combinedWritesDashesForWhatIsAbsentAndKeepsClientValuesInsideTheirQuotesAndLine() {
    String line = AccessLogFormat.COMBINED.format(entry("/a\"b", "CN=client one", "evil\"\n1.2.3.4 - x", 0));

    assertThat(line).doesNotContain("\n")
        .contains(" - CN=client%20one [")
        .contains("\"GET /a\\\"b HTTP/1.1\" 200 - ")
        .contains("\"evil\\\"\\x0a1.2.3.4 - x\"");
  }

  @Test
  void jsonHasEveryFieldWithNullsForWhatIsAbsent() {
    JsonObject json = new JsonObject(AccessLogFormat.JSON.format(entry("/topics", null, null, 5)));

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("time", "client", "principal", "method", "path",
        "protocol", "status", "bytes", "duration_ms", "generation", "referer", "user_agent");
    assertThat(json.getString("time")).isEqualTo("2026-12-05T20:52:25.123Z");
    assertThat(json.getValue("principal")).isNull();
    assertThat(json.getLong("bytes")).isEqualTo(5);
  }

  @Test
  void theRefererLosesItsUserInfoQueryAndFragment() {
    assertThat(AccessLogHandler.referer("https://user:secret@ui.example/page?token=abc#frag"))
        .isEqualTo("https://ui.example/page");
    assertThat(AccessLogHandler.referer("https://ui.example/page")).isEqualTo("https://ui.example/page");
    assertThat(AccessLogHandler.referer(null)).isNull();
  }

  @Test
  void formatNamesAreTheConfigurationValues() {
    assertThat(AccessLogFormat.of("combined")).isEqualTo(AccessLogFormat.COMBINED);
    assertThat(AccessLogFormat.of("json")).isEqualTo(AccessLogFormat.JSON);
  }
}
