package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the steps of a document as a reader would, in a working directory of its own: curl commands with the real
 * curl (only the documented base URLs rewritten to this server's ports), other commands with bash, and the start
 * command as a {@link TestServer} on the configuration the command names. Every server of one run shares a
 * schema-registry topic of its own, so schema ids start at 1 as on a fresh start, and data survives a restart.
 */
final class DocRun implements AutoCloseable {
  private static final String DOC_PROXY = "http://localhost:8082";
  private static final String DOC_REGISTRY = "http://localhost:8081";
  private static final Pattern CONFIG = Pattern.compile("--config\\s+(\\S+)");
  /** {@code <cluster_id>}: the field of that name in the latest answer that has one. */
  private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z_]+)>");

  private final Path workDir;
  private final String registryTopic;
  private final List<String> assignments = new ArrayList<>();
  private final List<Object> answers = new ArrayList<>();
  private TestServer server;
  private String registryUrl;

  DocRun(String name) {
    try {
      workDir = Files.createTempDirectory("tributary-doc-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registryTopic = "_schemas-doc-" + name + "-" + Long.toHexString(System.nanoTime());
  }

  /** Starts a server as the document's start command would, with no configuration file. */
  DocRun start() {
    restart(Map.of());
    return this;
  }

  void run(List<DocScript.Step> steps) {
    assertThat(steps).as("shell examples found").isNotEmpty();
    for (DocScript.Step step : steps) {
      String where = "line " + step.line() + ": " + step.command();
      switch (step.kind()) {
        case START -> restart(configOf(step.command()));
        case ASSIGN -> assignments.add(step.command());
        case SHELL -> checkShell(step, where);
        case CURL -> checkCurl(step, where);
      }
    }
  }

  private void checkCurl(DocScript.Step step, String where) {
    assertThat(server).as(where + " runs before the server was started").isNotNull();
    List<String> args = new ArrayList<>();
    for (String arg : expand(substitutePlaceholders(step.command(), where), where)) {
      args.add(arg.replace(DOC_PROXY, server.baseUrl()).replace(DOC_REGISTRY, registryUrl));
    }
    long started = System.nanoTime();
    Curl.Result result = Curl.run(args);
    System.out.printf("doc line %d: %d in %d ms%n", step.line(), result.status(),
        (System.nanoTime() - started) / 1_000_000);
    String report = where + "\n  answered " + result.status() + ": " + result.body() + " " + result.stderr();
    assertThat(result.exitCode()).as(report).isZero();
    if (step.expectedStatus() != null) {
      assertThat(result.status()).as(report).isEqualTo(step.expectedStatus());
    } else {
      assertThat(result.status()).as(report).isBetween(200, 299);
    }
    if (step.expectedOutput() != null) {
      assertMatches(step.expectedOutput().replace(DOC_PROXY, server.baseUrl()), result.body(), report);
    }
    parseJson(result.body()).ifPresent(answers::add);
  }

  private void checkShell(DocScript.Step step, String where) {
    Shell.Result result = bash(String.join("\n", assignments) + "\n" + step.command());
    String report = where + "\n  printed: " + result.stdout() + " " + result.stderr();
    assertThat(result.exitCode()).as(report).isZero();
    if (step.expectedOutput() != null) {
      assertMatches(step.expectedOutput(), result.stdout(), report);
    }
  }

  /** {@code expected} with {@code …} for anything; whitespace is not compared. */
  private static void assertMatches(String expected, String actual, String report) {
    StringBuilder regex = new StringBuilder();
    for (String part : expected.replaceAll("\\s+", "").split("…", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    assertThat(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.replaceAll("\\s+", "")).matches())
        .as(report + "\n  expected: " + expected).isTrue();
  }

  private String substitutePlaceholders(String command, String where) {
    Matcher m = PLACEHOLDER.matcher(command);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String field = m.group(1);
      String value = null;
      for (int i = answers.size() - 1; i >= 0 && value == null; i--) {
        value = find(answers.get(i), field);
      }
      assertThat(value).as(where + ": no earlier answer has a field " + field).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String find(Object json, String field) {
    if (json instanceof JsonObject o) {
      if (o.getValue(field) instanceof String s) {
        return s;
      }
      for (String key : o.fieldNames()) {
        String inner = find(o.getValue(key), field);
        if (inner != null) {
          return inner;
        }
      }
    } else if (json instanceof JsonArray a) {
      for (Object item : a) {
        String inner = find(item, field);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static Optional<Object> parseJson(String body) {
    try {
      return Optional.ofNullable(Json.decodeValue(body));
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  /** The words of a curl command after {@code curl}, as bash splits and expands them. */
  private List<String> expand(String command, String where) {
    String script = String.join("\n", assignments) + "\nprintf '%s\\0'" + command.substring("curl".length());
    Shell.Result result = bash(script);
    assertThat(result.exitCode()).as(where + ": bash could not read it: " + result.stderr()).isZero();
    List<String> words = new ArrayList<>(List.of(result.stdout().split("\0", -1)));
    words.remove(words.size() - 1);
    return words;
  }

  private Map<String, String> configOf(String command) {
    Matcher m = CONFIG.matcher(command);
    if (!m.find()) {
      return Map.of();
    }
    Map<String, String> config = new HashMap<>();
    // Relative paths in the file are relative to where the reader runs the command: this run's directory.
    ConfigLoader.readProperties(workDir.resolve(m.group(1))).forEach((key, value) ->
        config.put(key, !value.isEmpty() && Files.exists(workDir.resolve(value)) && !Path.of(value).isAbsolute()
            ? workDir.resolve(value).toString() : value));
    return config;
  }

  private void restart(Map<String, String> config) {
    close();
    registryUrl = "http://127.0.0.1:" + freePort();
    Map<String, String> values = new HashMap<>(config);
    values.put("embedded.schema.registry.topic", registryTopic);
    values.put("embedded.schema.registry.listener", registryUrl);
    server = TestServer.start(values);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private Shell.Result bash(String script) {
    return Shell.run(workDir, 60, List.of("bash", "-c", script));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
