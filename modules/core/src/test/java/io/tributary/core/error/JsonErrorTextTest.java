package io.tributary.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonErrorTextTest {
  @Test
  void keepsTheComplaintAndDropsTheParsersSettingsAndSourceLocation() {
    assertThat(JsonErrorText.of("Failed to decode:Document nesting depth (1001) exceeds the maximum allowed (1000, from"
        + " `StreamReadConstraints.getMaxNestingDepth()`)\n at [Source: REDACTED; line: 1, column: 1002]"))
        .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
    assertThat(JsonErrorText.of("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to"
        + " allow\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1]"))
        .isEqualTo("Non-standard token 'NaN'");
    assertThat(JsonErrorText.of("Unexpected end-of-input: expected close marker for Object (start marker at [Source:"
        + " REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
        .doesNotContain("`").doesNotContain("StreamReadFeature").startsWith("Unexpected end-of-input");
    assertThat(JsonErrorText.of(null)).isEqualTo("unreadable");
  }
}
