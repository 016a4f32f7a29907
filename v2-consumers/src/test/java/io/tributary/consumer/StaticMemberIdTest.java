package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.ConsumerRef;
import org.junit.jupiter.api.Test;

class StaticMemberIdTest {
  private static final String KAFKA_LEGAL = "[a-zA-Z0-9._-]{1,249}";

  @Test
  void theIdIsStableAndLegalForKafkaWhateverTheName() {
    ConsumerRef ref = new ConsumerRef("g", "my consumer/ü:1", "alice");
    String longName = "n".repeat(300);

    assertThat(StaticMemberId.of(ref)).isEqualTo(StaticMemberId.of(new ConsumerRef("g", "my consumer/ü:1", "alice")))
        .matches(KAFKA_LEGAL).startsWith("tributary-myconsumer1-");
    assertThat(StaticMemberId.of(new ConsumerRef("g", longName, "alice"))).matches(KAFKA_LEGAL);
    assertThat(StaticMemberId.of(new ConsumerRef("g", "", "alice"))).matches(KAFKA_LEGAL);
  }

  @Test
  void principalsAndNamesGetTheirOwnIdsAndTheGroupDoesNotMatter() {
    String alices = StaticMemberId.of(new ConsumerRef("g", "c1", "alice"));

    assertThat(StaticMemberId.of(new ConsumerRef("g", "c1", "bob"))).isNotEqualTo(alices);
    assertThat(StaticMemberId.of(new ConsumerRef("g", "c2", "alice"))).isNotEqualTo(alices);
    // Names that differ only in characters Kafka refuses still differ.
    assertThat(StaticMemberId.of(new ConsumerRef("g", "c 1", "alice")))
        .isNotEqualTo(StaticMemberId.of(new ConsumerRef("g", "c:1", "alice")));
    // A static id is scoped to its group already.
    assertThat(StaticMemberId.of(new ConsumerRef("other", "c1", "alice"))).isEqualTo(alices);
  }
}
