package io.tributary.bench;

import io.tributary.core.config.TributaryConfig;
import io.tributary.broker.EmbeddedKafkaBroker;
import io.tributary.server.TributaryServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scenarios run against: one Kafka cluster (an embedded broker in a temporary directory unless
 * {@code --bootstrap}), one proxy (started in this JVM unless {@code --url}), the load generator's own Vert.x
 * instance, and the record value every scenario sends. Closing stops whatever this object started.
 */
final class BenchEnvironment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchEnvironment.class);

  private final BenchOptions options;
  private final byte[] value;
  private Path brokerDir;
  private EmbeddedKafkaBroker broker;
  private String bootstrap;
  private BenchTopics topics;
  private TributaryServer proxy;
  private URI proxyUri;
  private URI registryUri;
  private Vertx clientVertx;

  BenchEnvironment(BenchOptions options) {
    this.options = options;
    this.value = new byte[options.valueBytes()];
    // Random bytes, fixed seed: incompressible (the producer does not compress anyway) and the same every run.
    new Random(42).nextBytes(value);
  }

  void startKafka() {
    if (options.bootstrap() != null) {
      bootstrap = options.bootstrap();
    } else {
      try {
        brokerDir = Files.createTempDirectory("tributary-bench-kafka");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      broker = EmbeddedKafkaBroker.start(brokerDir, 0, Map.of());
      bootstrap = broker.bootstrapServers();
    }
    topics = new BenchTopics(bootstrap, options.partitions());
  }

  void startProxy() {
    if (options.url() != null) {
      proxyUri = options.url();
      return;
    }
    int port = freePort();
    // The embedded registry's default port (8081) may be taken on this machine; any free one will do.
    int registryPort = freePort();
    Map<String, String> config = new HashMap<>(Map.of(
        "bootstrap.servers", bootstrap,
        "listeners", "http://127.0.0.1:" + port,
        "embedded.schema.registry.listener", "http://127.0.0.1:" + registryPort));
    ConsumerTuning.kafkaProperties().forEach((key, value) -> config.put("consumer." + key, value));
    addExperimentSettings(config);
    proxy = TributaryServer.start(new TributaryConfig(config));
    proxyUri = URI.create("http://127.0.0.1:" + port);
    registryUri = URI.create("http://127.0.0.1:" + registryPort);
  }

  /**
   * Experiments only: {@code -Dbench.proxy.<key>=<value>} overrides or adds a setting (for example a
   * {@code producer.*}) of every proxy the harness starts, the run's and the cluster nodes.
   */
  static void addExperimentSettings(Map<String, String> config) {
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.proxy."))
        .forEach(k -> config.put(k.substring("bench.proxy.".length()), System.getProperty(k)));
  }

  BenchOptions options() {
    return options;
  }

  String bootstrap() {
    return bootstrap;
  }

  BenchTopics topics() {
    return topics;
  }

  URI proxyUri() {
    if (proxyUri == null) {
      throw new IllegalStateException("the proxy was not started");
    }
    return proxyUri;
  }

  /** The embedded schema registry of the in-process proxy; with --url, the registry must be at :8081 of its host. */
  URI registryUri() {
    if (registryUri == null) {
      URI proxy = proxyUri();
      return URI.create("http://" + proxy.getHost() + ":8081");
    }
    return registryUri;
  }

  /** The value of every record; scenarios must not modify it. */
  byte[] value() {
    return value;
  }

  /** A Vert.x instance for the load generator only, separate from the proxy's, sized by --client-threads. */
  synchronized Vertx clientVertx() {
    if (clientVertx == null) {
      clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientThreads()));
    }
    return clientVertx;
  }

  String describe() {
    return "broker " + (broker != null ? "embedded (" + bootstrap + ")" : bootstrap)
        + ", proxy " + (proxy != null ? "in-process (" + proxyUri + ")" : proxyUri == null ? "not started" : proxyUri);
  }

  @Override
  public void close() {
    if (clientVertx != null) {
      quietly("load generator", () -> Awaits.await(clientVertx.close(), 30));
    }
    if (topics != null) {
      // Only topics on a cluster someone else owns are worth deleting; an embedded broker's directory goes away.
      quietly("topics", () -> topics.close(broker == null));
    }
    if (proxy != null) {
      quietly("proxy", proxy::stop);
    }
    if (broker != null) {
      quietly("broker", broker::close);
    }
    if (brokerDir != null) {
      quietly("broker directory", () -> deleteRecursively(brokerDir));
    }
  }

  private static void quietly(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the {} failed: {}", what, e.toString());
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
