package io.tributary.admin.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, "Modules and what may depend on what": routes never touch Kafka clients. This module holds the admin engine too, so kafka-clients is
 * on its classpath and the build's dependency rules cannot keep the v3 routes away from it; this check does.
 */
class RoutesSeeNoKafkaTest {
  @Test
  void noV3RouteImportsAKafkaClass() throws IOException {
    Path routes = Path.of("src/main/java/io/tributary/admin/v3");
    List<Path> sources;
    try (Stream<Path> files = Files.list(routes)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      assertThat(Files.readString(source)).as(source.toString()).doesNotContain("org.apache.kafka");
    }
  }
}
