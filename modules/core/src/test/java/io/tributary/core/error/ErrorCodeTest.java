package io.tributary.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void everyFiveDigitCodeStartsWithItsStatusExceptTheDocumentedOddOnes() {
    // The original answers 40001 with 422 (a consumer constraint violation) and 50301 with 500 (its docs said 503).
    Set<ErrorCode> documentedOddOnes = Set.of(ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT,
        ErrorCode.NO_SIMPLE_CONSUMER_AVAILABLE);
    for (ErrorCode c : ErrorCode.values()) {
      if (c.code() >= 10000 && !documentedOddOnes.contains(c)) {
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
