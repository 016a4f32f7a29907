package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.ConfigException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The one line the launcher prints for a failed start. */
class MainStartFailureTest {
  @Test
  void aConfigurationProblemIsTheLineEvenWhenWrapped() {
    ConfigException cause = new ConfigException("listeners", "'http://127.0.0.1:1' cannot be used");

    assertThat(Main.startFailure(new CompletionException(new IllegalStateException("deploy failed", cause))))
        .isEqualTo("Invalid configuration for 'listeners': 'http://127.0.0.1:1' cannot be used");
  }

  @Test
  void anythingElseIsTheFirstLineOfItsInnermostMessage() {
    RuntimeException failure = new IllegalStateException("outer",
        new IllegalArgumentException("the real reason\n\tat somewhere.Else(Else.java:1)"));

    assertThat(Main.startFailure(failure)).isEqualTo("the real reason");
    assertThat(Main.startFailure(new IllegalStateException(new NullPointerException())))
        .isEqualTo("NullPointerException");
  }
}
