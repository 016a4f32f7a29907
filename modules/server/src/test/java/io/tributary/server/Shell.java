package io.tributary.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a user following the documentation would, in a working directory, with no proxy variables (the
 * requests are for this machine). Output goes through files, so a chatty command cannot block on a full pipe.
 */
final class Shell {
  /** Exit code and everything the command wrote. */
  record Result(int exitCode, String stdout, String stderr) {}

  private Shell() {}

  /** {@code commandLine} through {@code /bin/sh -c}, so that quoting works as in the documentation. */
  static Result sh(Path workDir, String commandLine) {
    return run(workDir, 120, List.of("/bin/sh", "-c", commandLine));
  }

  static Result run(Path workDir, int timeoutSeconds, List<String> command) {
    try {
      Path out = Files.createTempFile("shell-out", ".txt");
      Path err = Files.createTempFile("shell-err", ".txt");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
