package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged {@code tributary.jar} run as an operator runs it, in a process of its own whose output (stdout and
 * stderr) goes to a log file. Failsafe passes the jar's path as the system property {@code tributary.jar}.
 */
final class JarProcess implements AutoCloseable {
  /**
   * Generous: a loaded 2-core machine took over two minutes to start a JVM and an embedded broker. It only bounds
   * how long a failing test takes to say so (the JUnit default timeout for failsafe is 10 minutes).
   */
  static final Duration PATIENCE = Duration.ofMinutes(5);

  private final Process process;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java -jar tributary.jar --config <file>} with {@code config} written to {@code dir}. */
  static JarProcess start(Path dir, String name, Map<String, String> config) {
    String text = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
    try {
      Path file = Files.writeString(dir.resolve(name + ".properties"), text);
      return start(dir.resolve(name + ".log"), List.of("--config", file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JarProcess start(Path log, List<String> args) {
    return start(new ProcessBuilder(command(args)), log);
  }

  /**
   * Starts {@code java -jar tributary.jar} with no arguments in {@code workDir}, with no {@code KAFKA_REST_*}
   * variables but {@code environment}'s.
   */
  static JarProcess startIn(Path workDir, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command(List.of())).directory(workDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith(ConfigLoader.ENV_PREFIX));
    builder.environment().putAll(environment);
    return start(builder, log);
  }

  private static List<String> command(List<String> args) {
    String jar = System.getProperty("tributary.jar");
    assertThat(jar).as("failsafe passes the jar's path").isNotNull();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
    command.addAll(args);
    return command;
  }

  private static JarProcess start(ProcessBuilder builder, Path log) {
    try {
      return new JarProcess(builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code /ready} answers 200 on {@code http}; fails if the process exits or takes too long. */
  Http.Reply awaitReady(Http http) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        Http.Reply r = http.get(RootRoutes.READY).send();
        if (r.status() == 200) {
          return r;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      pause();
    }
    throw new AssertionError("the server did not become ready; its output:\n" + output());
  }

  /** Waits for the process to end by itself; the exit code, or an assertion error naming the output. */
  int awaitExit() {
    try {
      if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the process did not exit; its output:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** SIGTERM, as an orchestrator stops the server; then waits for the exit code. */
  int stop() {
    process.destroy();
    return awaitExit();
  }

  /** SIGKILL ({@code kill -9}): no shutdown code runs. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port some other program listens on (close the socket to free it). */
  static ServerSocket occupiedPort() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
