package io.tributary.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.auth.PermitSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes this proxy runs with: alone (a plain Vert.x instance, no Hazelcast) or, with {@code cluster.members} or
 * {@code cluster.config.file}, a member of a Hazelcast cluster whose event bus carries requests between nodes. Gives
 * the engines their {@link ClusterNodes} view, the readiness check its membership, and the rate limit its counts.
 */
final class ProxyCluster {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyCluster.class);
  /** Joining takes seconds (or starting alone when no member answers); this only bounds a hung join or leave. */
  private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final ClusterNodes nodes;
  private final HazelcastNodes hazelcastNodes;
  private final String name;
  private final boolean rateLimitInCluster;
  private final PeerReachVerticle reach;

  private ProxyCluster(Vertx vertx, HazelcastNodes hazelcastNodes, String name, boolean rateLimitInCluster,
      long reachCheckMs, MeterRegistry meters) {
    this.vertx = vertx;
    this.hazelcastNodes = hazelcastNodes;
    this.nodes = hazelcastNodes == null ? ClusterNodes.alone() : hazelcastNodes;
    this.name = name;
    this.rateLimitInCluster = rateLimitInCluster;
    this.reach = new PeerReachVerticle(nodes, reachCheckMs, meters);
  }

  /**
   * Starts Vert.x as the settings say; blocking (a clustered start joins the other nodes, which takes seconds, or
   * starts alone when none answers). A node that finds a member speaking another bus wire version does not start.
   */
  static ProxyCluster start(ClusterSettings settings, ProxyMetrics metrics, VertxTracerFactory tracer) {
    if (!settings.clustered()) {
      return withGauge(new ProxyCluster(metrics.newVertx(tracer), null, null, false, settings.reachCheckMs(),
          metrics.registry()), metrics.registry());
    }
    settings.requirePortsFree();
    HazelcastClusterManager manager = new HazelcastClusterManager(settings.hazelcastConfig());
    EventBusOptions bus = new EventBusOptions().setHost(settings.host()).setPort(settings.busPort())
        .setClusterPublicHost(settings.host());
    Vertx vertx = await(metrics.newClusteredVertx(tracer, manager, bus));
    HazelcastNodes nodes = new HazelcastNodes(manager);
    try {
      WireVersionCheck.requireSameVersion(nodes.hazelcast());
    } catch (RuntimeException e) {
      // Leave the cluster before saying why: the others see this node go at once.
      try {
        await(vertx.close());
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    WireVersionCheck.watch(nodes.hazelcast());
    String name = nodes.hazelcast().getConfig().getClusterName();
    LOG.info("Joined cluster '{}' as node {} at {}; {} member(s)", name, nodes.localNodeId(),
        nodes.hazelcast().getCluster().getLocalMember().getAddress(), nodes.members().size());
    return withGauge(new ProxyCluster(vertx, nodes, name, settings.rateLimitCountedInCluster(),
        settings.reachCheckMs(), metrics.registry()), metrics.registry());
  }

  private static <T> T await(Future<T> step) {
    try {
      return step.toCompletionStage().toCompletableFuture().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while joining or leaving the cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("Joining or leaving the cluster failed: " + cause.getMessage(), cause);
    }
  }

  private static ProxyCluster withGauge(ProxyCluster cluster, MeterRegistry registry) {
    Gauge.builder("tributary.cluster.members", cluster.nodes, n -> n.members().size())
        .description("Nodes in this proxy's cluster, this one included (1 when it runs alone)").register(registry);
    return cluster;
  }

  Vertx vertx() {
    return vertx;
  }

  ClusterNodes nodes() {
    return nodes;
  }

  /** The verticle that answers the other nodes' pings and checks that they reach this node; deployed by the server. */
  PeerReachVerticle reachCheck() {
    return reach;
  }

  /**
   * {@code /health/ready}'s membership field, or null when the node runs alone (the answer stays as it was):
   * {@code reachable} false (with {@code reason}) makes the node not ready.
   */
  JsonObject status() {
    if (hazelcastNodes == null) {
      return null;
    }
    JsonObject status = new JsonObject().put("name", name).put("node", nodes.localNodeId())
        .put("members", nodes.members().size()).put("reachable", reach.reachable());
    String failure = reach.failure();
    return failure == null ? status : status.put("reason", failure);
  }

  /** The cluster-wide count for the per-principal rate limit when {@code rate.limit.backend=cluster}, else null. */
  PermitSource clusterPermits(TributaryConfig config) {
    return rateLimitInCluster
        ? new ClusterRateLimiter(vertx, hazelcastNodes.hazelcast(), config.get(ConfigKeys.RATE_LIMIT_PERMITS_PER_SEC))
        : null;
  }
}
