package io.tributary.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running inside this JVM. Used by
 * the server when no {@code bootstrap.servers} is configured, and by the test kit. Its data directory survives
 * restarts: a directory formatted by an earlier start is reused with its cluster id, only a new one is formatted.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  /** The file Kafka writes into every formatted log directory. */
  private static final String META_PROPERTIES = "meta.properties";
  /** The file Kafka locks while a broker uses the directory. */
  private static final String LOCK_FILE = ".lock";
  private static final String FORMATTER_CONFIG = "embedded-server.properties";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  /** {@link #start(Path, int, int, Map)} with any free controller port. */
  public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
    return start(dataDir, port, 0, overrides);
  }

  /**
   * Formats {@code dataDir} if it is new, starts the broker and waits until it answers. A failure leaves nothing
   * running and is a {@link StartFailure} naming what to change.
   *
   * @param port the client port, 0 for any free one
   * @param controllerPort the KRaft controller's port, 0 for any free one (a single-node quorum does not care
   *     if it differs from the previous start's)
   * @param overrides broker properties that replace the defaults (e.g. {@code auto.create.topics.enable})
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
    prepare(dataDir);
    int clientPort = port == 0 ? freePort() : requireFree(StartFailure.Setting.PORT, port);
    int quorumPort = controllerPort == 0 ? freePort() : requireFree(StartFailure.Setting.CONTROLLER_PORT,
        controllerPort);
    if (clientPort == quorumPort) {
      throw new StartFailure(StartFailure.Setting.CONTROLLER_PORT, String.valueOf(quorumPort),
          "cannot be used: it is the client port too, and the controller needs one of its own");
    }
    Properties props = brokerProperties(dataDir, clientPort, quorumPort);
    props.putAll(overrides);
    format(dataDir, props);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    String bootstrap = HOST + ":" + clientPort;
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, dataDir);
    try {
      server.startup();
      broker.awaitReady(Duration.ofSeconds(90));
    } catch (RuntimeException e) {
      // The broker's threads are not daemons: a half-started broker would keep the JVM alive.
      broker.closeQuietly();
      throw portTakenMeanwhile(e, clientPort, quorumPort);
    }
    LOG.info("Embedded Kafka broker ready at {} (data in {})", bootstrap, dataDir.toAbsolutePath());
    return broker;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka broker stopped");
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.debug("Stopping the half-started embedded broker failed", e);
    }
  }

  /**
   * Creates the directory and checks that no other broker uses it, so that a second process on the same data
   * fails at once instead of in the middle of Kafka's start-up.
   */
  private static void prepare(Path dataDir) {
    String where = dataDir.toAbsolutePath().toString();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "cannot be created (" + reason(e) + ")");
    }
    try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "is in use by another Kafka broker");
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "is in use by another Kafka broker");
    } catch (IOException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "is not writable (" + reason(e) + ")");
    }
  }

  private static Properties brokerProperties(Path dataDir, int clientPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dataDir.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    return p;
  }

  /**
   * Formats the storage of a new directory with a fresh cluster id. A directory formatted earlier keeps its cluster
   * id (read back from its {@code meta.properties}) and its data: the formatter, given that id, leaves it alone.
   */
  private static void format(Path dataDir, Properties props) {
    String where = dataDir.toAbsolutePath().toString();
    String clusterId = existingClusterId(dataDir);
    Path configFile = dataDir.resolve(FORMATTER_CONFIG);
    try (OutputStream out = Files.newOutputStream(configFile)) {
      props.store(out, "Written by Tributary for the storage formatter; regenerated on every start");
    } catch (IOException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "is not writable (" + reason(e) + ")");
    }
    if (clusterId == null) {
      clusterId = Uuid.randomUuid().toString();
      LOG.info("Formatting the embedded broker's new data directory {} (cluster id {})", where, clusterId);
    } else {
      LOG.info("Reusing the embedded broker's data in {} (cluster id {})", where, clusterId);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int rc;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(),
          "--ignore-formatted"}, print);
    } catch (RuntimeException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "cannot be used as Kafka storage ("
          + reason(e) + ")", e);
    }
    if (rc != 0) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, where, "cannot be formatted as Kafka storage ("
          + output.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ') + ")");
    }
  }

  /** The cluster id of a directory formatted earlier, or null for a new one. */
  private static String existingClusterId(Path dataDir) {
    Path meta = dataDir.resolve(META_PROPERTIES);
    if (!Files.exists(meta)) {
      return null;
    }
    Properties properties = new Properties();
    try (var in = Files.newInputStream(meta)) {
      properties.load(in);
    } catch (IOException e) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, meta.toAbsolutePath().toString(),
          "cannot be read (" + reason(e) + ")");
    }
    String id = properties.getProperty("cluster.id", "").trim();
    if (id.isEmpty()) {
      throw new StartFailure(StartFailure.Setting.DATA_DIR, meta.toAbsolutePath().toString(),
          "names no cluster.id: it is not the storage of a KRaft broker");
    }
    return id;
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The embedded broker did not become ready in " + timeout, notYet);
          }
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the embedded broker", e);
    }
  }

  /**
   * Checks the port before Kafka tries it: Kafka would log pages of stack traces and leave its controller running.
   */
  private static int requireFree(StartFailure.Setting setting, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return port;
    } catch (IOException e) {
      throw portInUse(setting, port, e, null);
    }
  }

  /** A port found free a moment ago but taken when Kafka bound it is reported as if the check had caught it. */
  private static RuntimeException portTakenMeanwhile(RuntimeException failure, int clientPort, int controllerPort) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException) {
        boolean controller = String.valueOf(failure.getMessage()).contains(HOST + ":" + controllerPort);
        int port = controller ? controllerPort : clientPort;
        return portInUse(controller ? StartFailure.Setting.CONTROLLER_PORT : StartFailure.Setting.PORT, port,
            (Exception) t, failure);
      }
    }
    return failure;
  }

  private static StartFailure portInUse(StartFailure.Setting setting, int port, Exception bind, Throwable cause) {
    return new StartFailure(setting, String.valueOf(port), "cannot be used: listening on " + HOST + ":" + port
        + " fails (" + reason(bind) + ")", cause);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartFailure(StartFailure.Setting.PORT, "0", "cannot be used: no free port found (" + reason(e)
          + ")");
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The embedded broker cannot start because of one of its settings, named by {@link #setting()}. */
  public static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The broker setting at fault. */
    public enum Setting { PORT, CONTROLLER_PORT, DATA_DIR }

    private final Setting setting;
    private final String value;

    /** @param problem what is wrong, as the rest of a sentence whose subject is the value */
    StartFailure(Setting setting, String value, String problem) {
      this(setting, value, problem, null);
    }

    StartFailure(Setting setting, String value, String problem, Throwable cause) {
      super("'" + value + "' " + problem, cause);
      this.setting = setting;
      this.value = value;
    }

    public Setting setting() {
      return setting;
    }

    /** The value at fault: a port or a path. */
    public String value() {
      return value;
    }
  }
}
