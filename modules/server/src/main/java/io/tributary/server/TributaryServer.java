package io.tributary.server;

import io.tributary.admin.AdminEngineVerticle;
import io.tributary.consumer.ConsumerEngineVerticle;
import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.registry.deploy.SchemaRegistryServices;
import io.tributary.http.ApiModule;
import io.tributary.http.JsonBodies;
import io.tributary.broker.EmbeddedKafkaBroker;
import io.tributary.produce.ProduceEngineVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled proxy. Start-up order: embedded broker (when no {@code bootstrap.servers}) → engine verticles →
 * schema registry (embedded when no {@code schema.registry.url}) and format converters → HTTP verticles. Stop runs
 * the reverse: stop accepting and finish in-flight requests, close the engines (which flushes the producer and closes
 * consumer instances), stop the embedded broker.
 */
public final class TributaryServer {
  private static final Logger LOG = LoggerFactory.getLogger(TributaryServer.class);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  private final TributaryConfig config;
  private final Vertx vertx;
  private final EmbeddedKafkaBroker broker;
  private final List<String> httpDeployments;
  private final List<String> engineDeployments;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private ProxyMetrics metrics;
  private ProxyTracing tracing;

  private TributaryServer(TributaryConfig config, Vertx vertx, EmbeddedKafkaBroker broker,
      List<String> engineDeployments, List<String> httpDeployments) {
    this.config = config;
    this.vertx = vertx;
    this.broker = broker;
    this.engineDeployments = engineDeployments;
    this.httpDeployments = httpDeployments;
  }

  /** Validates the configuration and starts everything; blocks until the proxy is serving. */
  public static TributaryServer start(TributaryConfig configuration) {
    LOG.info("Starting {}", BuildInfo.current().describe());
    ConfigValidator.validate(configuration).forEach(key -> LOG.warn(
        ConfigValidator.ACCEPTED_WITHOUT_EFFECT.contains(key)
            ? "Configuration key '{}' is a kafka-rest setting that Tributary accepts but does not use"
            : "Unknown configuration key '{}' is ignored", key));
    Security security = Security.load(configuration);
    ListenerPorts.requireFree(configuration);
    ClusterSettings clusterSettings = ClusterSettings.of(configuration);
    JsonBodies.limitStringsByBodySize();

    EmbeddedKafkaBroker broker = null;
    TributaryConfig config = configuration;
    if (configuration.get(ConfigKeys.BOOTSTRAP_SERVERS).isBlank()) {
      LOG.info("No bootstrap.servers configured: starting an embedded Kafka broker");
      broker = EmbeddedBrokerLauncher.start(configuration);
      config = configuration.with(Map.of(ConfigKeys.BOOTSTRAP_SERVERS.name(), broker.bootstrapServers()));
    } else {
      LOG.info("Using the Kafka cluster at {}", config.get(ConfigKeys.BOOTSTRAP_SERVERS));
    }

    ProxyMetrics metrics = ProxyMetrics.create(config);
    ProxyTracing tracing = ProxyTracing.create(config);
    ProxyCluster cluster;
    try {
      cluster = ProxyCluster.start(clusterSettings, metrics, tracing.tracerFactory());
    } catch (RuntimeException e) {
      quietly(metrics::close);
      quietly(tracing::close);
      throw e;
    }
    Vertx vertx = cluster.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    List<String> engines = new ArrayList<>();
    List<String> http = new ArrayList<>();
    TributaryServer server = new TributaryServer(config, vertx, broker, engines, http);
    server.metrics = metrics;
    server.tracing = tracing;
    try {
      engines.add(await(vertx.deployVerticle(cluster.reachCheck())));
      engines.add(await(vertx.deployVerticle(new AdminEngineVerticle(config, metrics.registry()))));
      engines.add(await(vertx.deployVerticle(new ProduceEngineVerticle(config, metrics.registry()))));
      engines.add(await(vertx.deployVerticle(new ConsumerEngineVerticle(config, metrics.registry(), cluster.nodes()))));
      Security.HttpSecurity httpSecurity = security.forHttp(vertx, cluster.clusterPermits(config));
      engines.addAll(await(SchemaRegistryServices.deploy(vertx, config, httpSecurity.auth(),
          metrics.registry())));
      int instances = config.get(ConfigKeys.HTTP_INSTANCES);
      int count = instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
      TributaryConfig effective = config;
      List<ApiModule> modules = ApiModules.forConfig(config);
      http.add(await(vertx.deployVerticle(() -> new HttpVerticle(effective, modules, httpSecurity,
          new MetricsEndpoint(metrics), cluster::status),
          new DeploymentOptions().setInstances(count))));
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    LOG.info("Tributary is serving on {}", String.join(", ", config.list(ConfigKeys.LISTENERS)));
    return server;
  }

  /** The effective configuration (with the embedded broker's address filled in). */
  public TributaryConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Stops everything in reverse start-up order; safe to call more than once. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Stopping: finishing in-flight requests");
    // The HTTP verticles may take their grace period and the last receipts' bus timeout (see HttpVerticle.stop).
    Duration httpStop = STEP_TIMEOUT.plusMillis(config.get(ConfigKeys.SHUTDOWN_GRACEFUL_MS)
        + config.get(ConfigKeys.BUS_TIMEOUT_MS));
    for (String id : httpDeployments) {
      quietly(() -> await(vertx.undeploy(id), httpStop));
    }
    LOG.info("Stopping: flushing the producer and closing consumers");
    for (int i = engineDeployments.size() - 1; i >= 0; i--) {
      String id = engineDeployments.get(i);
      quietly(() -> await(vertx.undeploy(id)));
    }
    quietly(() -> await(vertx.close()));
    quietly(metrics::close);
    quietly(tracing::close);
    if (broker != null) {
      quietly(broker::close);
    }
    LOG.info("Tributary stopped");
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("Shutdown step failed: {}", e.toString());
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    return await(future, STEP_TIMEOUT);
  }

  private static <T> T await(io.vertx.core.Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
