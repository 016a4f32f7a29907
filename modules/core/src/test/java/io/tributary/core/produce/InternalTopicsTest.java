package io.tributary.core.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.TributaryConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalTopicsTest {
  private final InternalTopics defaults = InternalTopics.from(new TributaryConfig(Map.of()));

  @Test
  void kafkasDoubleUnderscoreTopicsAndTheRegistryTopicAreInternal() {
    assertThat(defaults.isInternal("__consumer_offsets")).isTrue();
    assertThat(defaults.isInternal("__transaction_state")).isTrue();
    assertThat(defaults.isInternal("__anything")).isTrue();
    assertThat(defaults.isInternal("_schemas")).isTrue();
  }

  @Test
  void lookalikesAreOrdinaryTopics() {
    assertThat(defaults.isInternal("_schemas-2")).isFalse();
    assertThat(defaults.isInternal("_private")).isFalse();
    assertThat(defaults.isInternal("orders__")).isFalse();
    assertThat(defaults.isInternal("schemas")).isFalse();
  }

  @Test
  void theConfiguredRegistryTopicIsTheProtectedOne() {
    InternalTopics custom = InternalTopics.from(new TributaryConfig(Map.of("embedded.schema.registry.topic",
        "registry-store")));
    assertThat(custom.isInternal("registry-store")).isTrue();
    assertThat(custom.isInternal("_schemas")).isFalse();
  }

  @Test
  void theRefusalIs403WithTheTopicsName() {
    var refusal = defaults.refusal("__consumer_offsets");
    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.code()).isEqualTo(40301);
    assertThat(refusal.getMessage()).isEqualTo("Topic __consumer_offsets is internal (Kafka's or the schema"
        + " registry's): it cannot be written through the REST proxy.");
  }
}
