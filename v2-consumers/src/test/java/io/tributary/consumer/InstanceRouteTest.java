package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.format.EmbeddedFormat;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which requests are served here, forwarded, taken over, or answered 40403 (cluster mode). */
class InstanceRouteTest {
  private static final Predicate<String> MEMBERS = Set.of("a", "b", "c")::contains;

  private static InstanceDefinition ownedBy(String node) {
    return InstanceDefinition.created(new CreateConsumer("g", "i", null, EmbeddedFormat.BINARY, null, false, null,
        null, "alice"), node, 1L);
  }

  @Test
  void anInstanceHeldHereIsServedHereWhateverTheDirectorySays() {
    assertThat(InstanceRoute.of(true, null, "a", MEMBERS)).isEqualTo(InstanceRoute.LOCAL);
    assertThat(InstanceRoute.of(true, ownedBy("b"), "a", MEMBERS)).isEqualTo(InstanceRoute.LOCAL);
  }

  @Test
  void anInstanceOfALiveNodeIsForwardedToIt() {
    assertThat(InstanceRoute.of(false, ownedBy("b"), "a", MEMBERS)).isEqualTo(InstanceRoute.FORWARD);
  }

  @Test
  void anInstanceWhoseNodeIsGoneIsTakenOver() {
    assertThat(InstanceRoute.of(false, ownedBy("gone"), "a", MEMBERS)).isEqualTo(InstanceRoute.TAKE_OVER);
  }

  @Test
  void anInstanceListedForThisNodeButHeldNowhereIsRecreatedHere() {
    assertThat(InstanceRoute.of(false, ownedBy("a"), "a", MEMBERS)).isEqualTo(InstanceRoute.TAKE_OVER);
  }

  @Test
  void anUnlistedInstanceIsNotFound() {
    assertThat(InstanceRoute.of(false, null, "a", MEMBERS)).isEqualTo(InstanceRoute.NOT_FOUND);
  }
}
