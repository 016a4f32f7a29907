package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code --version}, and its application log as JSON ({@code TRIBUTARY_LOG_FORMAT=json}). */
class VersionAndLogFormatIT {
  @TempDir
  Path dir;

  @Test
  void versionPrintsTheVersionAndCommitAndExitsZero() throws Exception {
    Path out = dir.resolve("version.out");
    Process p = run(List.of("--version"), Map.of(), out);

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(printed).isZero();
    assertThat(printed).matches("tributary \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{40}(-dirty)?|unknown)\\)");
  }

  @Test
  void theJsonLogFormatWritesOneObjectPerLineWithoutAStackTraceForAConfigurationMistake() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.properties"),
        "consumer.request.timeout.ms=soon\nbootstrap.servers=127.0.0.1:1\n");
    Path out = dir.resolve("json.out");
    Process p = run(List.of("--config", config.toString()), Map.of("TRIBUTARY_LOG_FORMAT", "json"), out);

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertThat(p.exitValue()).as("%s", lines).isEqualTo(1);
    List<JsonObject> events = lines.stream().map(JsonObject::new).toList(); // fails on any line that is not JSON
    assertThat(events).anySatisfy(e -> assertThat(e.getString("formattedMessage")).startsWith("Starting tributary "));
    JsonObject error = events.stream().filter(e -> "ERROR".equals(e.getString("level"))).findFirst().orElseThrow();
    assertThat(error.getString("loggerName")).isEqualTo(Main.class.getName());
    assertThat(error.getString("formattedMessage")).contains("consumer.request.timeout.ms");
    assertThat(error.getValue("throwable")).isNull();
  }

  /** The jar with its standard output (only: standard error has the plain message for a terminal) into a file. */
  private static Process run(List<String> args, Map<String, String> env, Path out) throws IOException {
    String jar = System.getProperty("tributary.jar");
    assertThat(jar).as("failsafe passes the jar's path").isNotNull();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("TRIBUTARY_LOG_FORMAT");
    builder.environment().putAll(env);
    return builder.start();
  }
}
