package io.tributary.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's main Java sources, found from the server module's directory (Maven runs tests there). */
final class MainSources {
  private MainSources() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("modules").resolve("core"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(f -> !f.toString().replace('\\', '/').contains("/target/"))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
