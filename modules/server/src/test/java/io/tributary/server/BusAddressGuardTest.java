package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Outside {@code core}, main code reaches the event bus only through typed operations (io.tributary.core.bus): no
 * Vert.x event-bus type but the {@code MessageConsumer} that serving returns (and {@code EventBusOptions}, the bus's
 * settings in cluster mode) is imported, and no address string is sent to or consumed from the bus directly.
 */
class BusAddressGuardTest {
  private static final Pattern RAW_BUS_USE = Pattern.compile(
      "import io\\.vertx\\.core\\.eventbus\\.(?!MessageConsumer;|EventBusOptions;)"
          + "|eventBus\\(\\)\\s*\\.\\s*(<[^>]*>\\s*)?(request|send|publish|consumer|localConsumer|sender|publisher)\\s*\\(");

  @Test
  void noMainSourceOutsideCoreUsesTheEventBusDirectly() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : MainSources.javaFiles()) {
      if (file.toString().replace('\\', '/').contains("/modules/core/")) {
        continue;
      }
      if (RAW_BUS_USE.matcher(Files.readString(file)).find()) {
        offenders.add(MainSources.root().relativize(file).toString());
      }
    }
    assertThat(offenders).as("main sources that use the event bus without a BusOperation").isEmpty();
  }

  @Test
  void theGuardSeesTheSources() throws IOException {
    assertThat(MainSources.javaFiles()).anyMatch(f -> f.endsWith("ProduceEngineVerticle.java"))
        .anyMatch(f -> f.endsWith("BusOperation.java"));
  }
}
