package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatSettingTest {
  @Test
  void textJsonOrNothingIsFine() {
    assertThat(LogFormatSetting.problem(null, Map.of())).isEmpty();
    assertThat(LogFormatSetting.problem("json", Map.of())).isEmpty();
    assertThat(LogFormatSetting.problem(null, Map.of("TRIBUTARY_LOG_FORMAT", "text"))).isEmpty();
  }

  @Test
  void anyOtherValueIsAnErrorNamingTheSettingThatWins() {
    assertThat(LogFormatSetting.problem(null, Map.of("TRIBUTARY_LOG_FORMAT", "xml")))
        .hasValue("Invalid log format 'xml' (TRIBUTARY_LOG_FORMAT): use text or json");
    assertThat(LogFormatSetting.problem("JSON", Map.of("TRIBUTARY_LOG_FORMAT", "json")))
        .hasValue("Invalid log format 'JSON' (log.format): use text or json");
  }
}
