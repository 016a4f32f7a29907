package io.tributary.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Clustered Tributary nodes in processes of their own ({@code --cluster-jvm own}): this harness's jar run with
 * {@link NodeMain} (the server's main, ending with the harness) and a settings file per node, logs in a temporary
 * directory. Each node has its own heap,
 * measured with {@code jcmd} after a full collection, and its own open-file limit, so that 10,000 instances fit where
 * one JVM runs out of file descriptors.
 */
final class NodeProcesses implements ClusterNodes {
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
  private static final long STOP_SECONDS = 60;

  private final List<Process> processes = new ArrayList<>();
  private final List<URI> uris = new ArrayList<>();
  private final Path dir;

  private NodeProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code nodes} processes and waits until each one's {@code /health/ready} counts all of them. */
  static NodeProcesses start(BenchEnvironment env, int nodes) {
    NodeProcesses cluster;
    try {
      cluster = new NodeProcesses(Files.createTempDirectory("tributary-bench-nodes"));
    } catch (IOException e) {
      throw new BenchFailure("cannot create a directory for the node processes", e);
    }
    try {
      String jar = Path.of(NodeProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
      int i = 0;
      for (Map<String, String> config : BenchCluster.configs(env, nodes)) {
        Path settings = cluster.dir.resolve("node-" + i + ".properties");
        Files.writeString(settings, config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", jar, NodeMain.class.getName(), "--config", settings.toString())
            .redirectErrorStream(true).redirectOutput(cluster.dir.resolve("node-" + i + ".log").toFile());
        cluster.processes.add(builder.start());
        cluster.uris.add(URI.create(config.get("listeners")));
        i++;
      }
      BenchCluster.awaitMembers(env, cluster.uris, nodes);
      return cluster;
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      cluster.close();
      throw e instanceof BenchFailure failure ? failure
          : new BenchFailure("starting the node processes failed (logs in " + cluster.dir + "): " + e, e);
    }
  }

  @Override
  public List<URI> nodes() {
    return uris;
  }

  @Override
  public OptionalLong heapAfterGc(int i) {
    long pid = processes.get(i).pid();
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!used.find()) {
      throw new BenchFailure("jcmd " + pid + " GC.heap_info printed no heap figure");
    }
    return OptionalLong.of(Long.parseLong(used.group(1)) * 1024);
  }

  @Override
  public String where() {
    return "each in its own JVM (logs in " + dir + ")";
  }

  private static String jcmd(long pid, String command) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(STOP_SECONDS, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new BenchFailure("jcmd " + pid + " " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new BenchFailure("jcmd " + pid + " " + command + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }

  @Override
  public void close() {
    // The last node first, as BenchCluster does; each is asked to stop (SIGTERM: a graceful shutdown).
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      try {
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    processes.clear();
  }
}
