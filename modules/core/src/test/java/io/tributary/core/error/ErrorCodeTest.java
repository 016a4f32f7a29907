package io.tributary.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void everyFiveDigitCodeStartsWithItsStatusExceptTheDocumentedOddOnes() {
    // 40001 is answered with 422 by the original (a consumer constraint violation), the one exception.
    for (ErrorCode c : ErrorCode.values()) {
      if (c.code() >= 10000 && c != ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT) {
        assertThat(c.code() / 100).as(c.name()).isEqualTo(c.status());
      }
    }
  }

  @Test
  void codesAreUniqueSoThatTheyCanCrossTheBus() {
    Set<Integer> seen = new HashSet<>();
    for (ErrorCode c : ErrorCode.values()) {
      assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
    }
  }

  @Test
  void lookupsRoundTripAndUnknownCodesGetAPlausibleStatus() {
    assertThat(ErrorCode.byCode(40403)).isEqualTo(ErrorCode.CONSUMER_INSTANCE_NOT_FOUND);
    assertThat(ErrorCode.byCode(12345)).isEqualTo(ErrorCode.INTERNAL);
    assertThat(ErrorCode.statusOf(40001)).isEqualTo(422);
    assertThat(ErrorCode.statusOf(40999)).isEqualTo(409);
    assertThat(ErrorCode.statusOf(418)).isEqualTo(418);
    assertThat(ErrorCode.statusOf(7)).isEqualTo(500);
  }

  @Test
  void exceptionsCarryNoStackTrace() {
    assertThat(ErrorCode.TOPIC_NOT_FOUND.toException().getStackTrace()).isEmpty();
    assertThat(ErrorCode.TOPIC_NOT_FOUND.toException().getMessage()).isEqualTo("Topic not found.");
  }
}
