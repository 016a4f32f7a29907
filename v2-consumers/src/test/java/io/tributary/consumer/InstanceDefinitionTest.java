package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directory's stored form of an instance, and how subscription changes reshape it. */
class InstanceDefinitionTest {
  private static final CreateConsumer EVERYTHING = new CreateConsumer("g", "c1", "client-7", EmbeddedFormat.AVRO,
      "earliest", true, 1024, 2500, "alice");

  @Test
  void everythingTheCreateCarriedRoundTrips() {
    InstanceDefinition subscribed = InstanceDefinition.created(EVERYTHING, "node-a", 1_000L)
        .subscribed(List.of("t1", "t2"), null);
    InstanceDefinition byPattern = subscribed.subscribed(null, "t.*").withOwner("node-b", 2_000L);
    InstanceDefinition assigned = byPattern.assigned(List.of(new PartitionRef("t1", 0), new PartitionRef("t2", 3)));
    InstanceDefinition defaults = InstanceDefinition.created(new CreateConsumer("g", "c2", null,
        EmbeddedFormat.BINARY, null, false, null, null, "bob"), "node-a", 5L);

    for (InstanceDefinition definition : List.of(subscribed, byPattern, assigned, defaults)) {
      assertThat(InstanceDefinition.fromJson(definition.toJson())).isEqualTo(definition);
    }
    assertThat(byPattern.owner()).isEqualTo("node-b");
    assertThat(byPattern.touchedMs()).isEqualTo(2_000L);
  }

  @Test
  void subscribingReplacesAnAssignmentAndNoTopicsOrPartitionsIsNone() {
    InstanceDefinition created = InstanceDefinition.created(EVERYTHING, "n", 1L);
    InstanceDefinition assigned = created.assigned(List.of(new PartitionRef("t", 0)));
    InstanceDefinition subscribed = assigned.subscribed(List.of("t"), null);

    assertThat(subscribed.assignment()).isNull();
    assertThat(subscribed.topics()).containsExactly("t");
    assertThat(subscribed.pattern()).isNull();
    assertThat(subscribed.subscribed(List.of(), null)).isEqualTo(created);
    assertThat(assigned.assigned(List.of())).isEqualTo(created);
    assertThat(subscribed.unsubscribed()).isEqualTo(created);
  }

  @Test
  void theKeyNamesGroupNameAndPrincipalUnambiguously() {
    assertThat(InstanceDefinition.keyOf(new ConsumerRef("g", "c1", "alice")))
        .isEqualTo(InstanceDefinition.keyOf(InstanceDefinition.created(EVERYTHING, "n", 1L).ref()))
        .isNotEqualTo(InstanceDefinition.keyOf(new ConsumerRef("g", "c1", "bob")));
    // A separator inside a name cannot make two identities collide.
    assertThat(InstanceDefinition.keyOf(new ConsumerRef("a\",\"b", "c", "p")))
        .isNotEqualTo(InstanceDefinition.keyOf(new ConsumerRef("a", "b\",\"c", "p")));
  }

  @Test
  void anEntryOfAnotherVersionIsRefusedNotMisread() {
    JsonObject stored = new JsonObject(InstanceDefinition.created(EVERYTHING, "n", 1L).toJson())
        .put("v", InstanceDefinition.VERSION + 1);

    assertThatThrownBy(() -> InstanceDefinition.fromJson(stored.encode()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
  }
}
