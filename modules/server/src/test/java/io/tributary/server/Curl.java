package io.tributary.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real curl binary, as a user following the documentation would. */
final class Curl {
  private static final Path BINARY = Path.of("/usr/bin/curl");

  /** Exit code, and the body followed by the status line curl was asked to append. */
  record Result(int exitCode, int status, String body, String stderr) {}

  private Curl() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** {@code curl <args>}, with the HTTP status written after the body ({@code -w}) and errors shown ({@code -sS}). */
  static Result run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-sS", "--max-time", "30", "-w",
        "\n%{http_code}"));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).start();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("curl did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      int nl = text.lastIndexOf('\n');
      int status = Integer.parseInt(text.substring(nl + 1).trim());
      return new Result(process.exitValue(), status, text.substring(0, Math.max(nl, 0)), err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
