package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Tributary node in a JVM of its own, started from the packaged jar with a properties file of its own, as
 * docs/deployment.md tells an operator: for suites of several nodes that stop ({@code SIGTERM}), kill ({@code kill -9})
 * and restart them. {@link #cluster} makes the configurations of nodes that form one cluster on the loopback address.
 */
final class ProxyNode implements AutoCloseable {
  private final Path dir;
  private final String name;
  private final Map<String, String> config;
  private final Http http;
  private JarProcess process;
  private int starts;

  private ProxyNode(Path dir, String name, Map<String, String> config) {
    this.dir = dir;
    this.name = name;
    this.config = Map.copyOf(config);
    this.http = new Http(config.get("listeners")).checkedBy(ApiContracts.MAIN_LISTENER);
  }

  /**
   * The configurations of {@code nodes} nodes of one cluster on 127.0.0.1 against {@code bootstrapServers}: each with
   * free HTTP, embedded registry and Hazelcast ports and the others as {@code cluster.members}, plus {@code common}.
   */
  static List<Map<String, String>> cluster(int nodes, String bootstrapServers, Map<String, String> common) {
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      clusterPorts.add(JarProcess.freePort());
    }
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      int own = clusterPorts.get(i);
      Map<String, String> config = new HashMap<>();
      config.put("bootstrap.servers", bootstrapServers);
      config.put("listeners", "http://127.0.0.1:" + JarProcess.freePort());
      config.put("embedded.schema.registry.listener", "http://127.0.0.1:" + JarProcess.freePort());
      config.put("http.instances", "1");
      config.put("cluster.host", "127.0.0.1");
      config.put("cluster.port", String.valueOf(own));
      config.put("cluster.members", clusterPorts.stream().filter(p -> p != own).map(p -> "127.0.0.1:" + p)
          .collect(Collectors.joining(",")));
      config.putAll(common);
      configs.add(config);
    }
    return configs;
  }

  /** Starts {@code name} with {@code config} (written to {@code dir/name.properties}); its log goes to {@code dir}. */
  static ProxyNode start(Path dir, String name, Map<String, String> config) {
    ProxyNode node = new ProxyNode(dir, name, config);
    node.startProcess();
    return node;
  }

  /** Starts the node again with the same configuration after {@link #stop} or {@link #kill}. */
  void restart() {
    assertThat(process.isAlive()).as("%s is still running", name).isFalse();
    startProcess();
  }

  private void startProcess() {
    starts++;
    process = JarProcess.start(dir, starts == 1 ? name : name + "-" + starts, config);
  }

  Http http() {
    return http;
  }

  String name() {
    return name;
  }

  Map<String, String> config() {
    return config;
  }

  /** Waits until {@code /health/ready} answers 200; its body. */
  JsonObject awaitReady() {
    return process.awaitReady(http).json();
  }

  /** Waits until this node's {@code /health/ready} reports {@code members} cluster members; its body. */
  JsonObject awaitMembers(int members) {
    awaitReady();
    JsonObject ready = Eventually.get(() -> http.get(RootRoutes.READY).send().json(),
        r -> r.getJsonObject("cluster") != null && r.getJsonObject("cluster").getInteger("members") == members);
    assertThat(ready.getJsonObject("cluster")).as("%s: %s\n%s", name, ready, output()).isNotNull();
    assertThat(ready.getJsonObject("cluster").getInteger("members")).as("%s: %s", name, ready).isEqualTo(members);
    return ready;
  }

  /** Whether the node's current process is running (false after {@link #stop} or {@link #kill}). */
  boolean running() {
    return process.isAlive();
  }

  /** SIGTERM; the exit code. */
  int stop() {
    return process.stop();
  }

  /** SIGKILL ({@code kill -9}): the node vanishes without leaving the cluster. */
  void kill() {
    process.kill();
  }

  /** The output of the current (or last) process. */
  String output() {
    return process.output();
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
