package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampTextsTest {

  @Test
  void everyMillisecondGetsItsOwnIsoTextAlsoAfterARepeatedOne() {
    TimestampTexts texts = new TimestampTexts();
    long[] millis = {0, 0, 1612552482123L, 1612552482123L, 1612552482124L, -1, Long.MIN_VALUE + 1};
    for (long ms : millis) {
      assertThat(texts.of(ms)).isEqualTo(Instant.ofEpochMilli(ms).toString());
    }
  }
}
