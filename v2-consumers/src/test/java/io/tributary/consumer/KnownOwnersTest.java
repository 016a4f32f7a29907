package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.format.EmbeddedFormat;
import org.junit.jupiter.api.Test;

/** The forwarding node's memory of where instances live: bounded, and emptied of a node that left. */
class KnownOwnersTest {
  private final KnownOwners owners = new KnownOwners();

  @Test
  void aNodeThatLeftTakesItsEntriesWithItAndForgettingOneLeavesTheOthers() {
    owners.put(held("a", "node-1"));
    owners.put(held("b", "node-1"));
    owners.put(held("c", "node-2"));

    owners.nodeLeft("node-1");
    assertThat(owners.get(held("a", "node-1").ref())).isNull();
    assertThat(owners.get(held("b", "node-1").ref())).isNull();
    assertThat(owners.get(held("c", "node-2").ref()).owner()).isEqualTo("node-2");

    owners.forget(held("c", "node-2").ref());
    assertThat(owners.size()).isZero();
  }

  @Test
  void theLeastRecentlyUsedGoBeyondTheBound() {
    owners.put(held("first", "n"));
    owners.put(held("second", "n"));
    owners.get(held("first", "n").ref());
    for (int i = 0; i < KnownOwners.MAX_ENTRIES - 1; i++) {
      owners.put(held("x" + i, "n"));
    }

    assertThat(owners.size()).isEqualTo(KnownOwners.MAX_ENTRIES);
    assertThat(owners.get(held("first", "n").ref())).isNotNull();
    assertThat(owners.get(held("second", "n").ref())).isNull();
  }

  private static InstanceDefinition held(String name, String owner) {
    return InstanceDefinition.created(new CreateConsumer("g", name, null, EmbeddedFormat.BINARY, null, false, null,
        null, "alice"), owner, 1L);
  }
}
