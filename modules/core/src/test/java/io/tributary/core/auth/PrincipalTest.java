package io.tributary.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  @Test
  void topicPatternsAreGlobsWhereOnlyTheStarIsSpecial() {
    assertThat(TopicPattern.matches("orders*", "orders")).isTrue();
    assertThat(TopicPattern.matches("orders*", "orders-eu")).isTrue();
    assertThat(TopicPattern.matches("orders*", "my-orders")).isFalse();
    assertThat(TopicPattern.matches("*-eu", "orders-eu")).isTrue();
    assertThat(TopicPattern.matches("a*b*c", "aXXbYYc")).isTrue();
    assertThat(TopicPattern.matches("a*b*c", "aXXbYY")).isFalse();
    assertThat(TopicPattern.matches("orders.eu", "ordersXeu")).isFalse();
    assertThat(TopicPattern.matches("*", "")).isTrue();
    assertThat(TopicPattern.matches("exact", "exact")).isTrue();
  }

  @Test
  void aRestrictedPrincipalMayOnlyWhatItsGrantsSay() {
    Principal p = Principal.restricted("app", List.of(new Grant(List.of("orders*"), Set.of(Operation.PRODUCE))));
    assertThat(p.may(Operation.PRODUCE, "orders")).isTrue();
    assertThat(p.may(Operation.CONSUME, "orders")).isFalse();
    assertThat(p.maySee("orders")).isTrue();
    assertThat(p.maySee("payments")).isFalse();
    assertThat(p.hasAny(Operation.ADMIN)).isFalse();
  }

  @Test
  void anonymousMeansAuthenticationIsOffAndMayDoEverything() {
    assertThat(Principal.ANONYMOUS.may(Operation.ADMIN, "x")).isTrue();
    assertThat(Principal.ANONYMOUS.maySee("x")).isTrue();
  }
}
