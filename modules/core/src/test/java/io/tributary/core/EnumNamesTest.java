package io.tributary.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnumNamesTest {
  @Test
  void findsAConstantInAnyLetterCase() {
    assertThat(EnumNames.parse(TimeUnit.class, "seconds")).contains(TimeUnit.SECONDS);
    assertThat(EnumNames.parse(TimeUnit.class, "MilliSeconds")).contains(TimeUnit.MILLISECONDS);
  }

  @Test
  void unknownBlankPaddedAndNullNamesAreEmpty() {
    assertThat(EnumNames.parse(TimeUnit.class, "fortnights")).isEmpty();
    assertThat(EnumNames.parse(TimeUnit.class, " seconds")).isEmpty();
    assertThat(EnumNames.parse(TimeUnit.class, "")).isEmpty();
    assertThat(EnumNames.parse(TimeUnit.class, null)).isEmpty();
  }
}
