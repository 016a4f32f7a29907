package io.tributary.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.bus.Ack;
import io.tributary.core.bus.BusEndpoints;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.ClusterOps;
import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.cluster.NodePing;
import io.tributary.core.cluster.ReachBack;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the other nodes of the cluster can reach this one over the clustered event bus. After a network split
 * heals, Hazelcast merges the smaller side into the larger, and Vert.x's clustered event bus can lose the merged
 * node's registrations (eclipse-vertx/vert.x#4394, vert-x3/vertx-hazelcast#90): the node still sees its peers and
 * answers its own clients, but no peer can forward a request to it. A node cannot see this by sending to itself
 * (its own registrations are found locally), so every {@code cluster.reach.check.ms} it asks one peer, in turn, to
 * ping it back on its own address. Two answers in a row that the peer could not make this node not ready
 * ({@code /health/ready} answers 503, so that a load balancer takes it out, see docs/deployment.md) and announce its
 * own addresses to the cluster again ({@link BusEndpoints#reannounce}); one answer that it could makes it ready
 * again. A peer that cannot itself be asked says nothing about this node. A node running alone only answers pings.
 */
final class PeerReachVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PeerReachVerticle.class);
  private static final int FAILURES_TO_REPORT = 2;
  /**
   * A ping is one small message, but a node under load may take seconds to answer; the request around it gets twice
   * that. Not tied to the interval: a check waits for the one before it.
   */
  private static final long PING_TIMEOUT_MS = 5_000;

  private final ClusterNodes nodes;
  private final long intervalMs;
  private final Counter reannounced;
  /** Why the peers cannot reach this node; null while they can (or it runs alone). */
  private volatile String failure;
  private int failuresInARow;
  private int nextPeer;
  private boolean checking;
  private long timer = -1;

  PeerReachVerticle(ClusterNodes nodes, long intervalMs, MeterRegistry meters) {
    this.nodes = nodes;
    this.intervalMs = intervalMs;
    Gauge.builder("tributary.cluster.reachable", this, v -> v.reachable() ? 1 : 0)
        .description("1 while this node's peers reach it over the event bus (or it runs alone), 0 once two checks"
            + " in a row found they could not")
        .register(meters);
    this.reannounced = Counter.builder("tributary.cluster.reannounced")
        .description("Times this node announced its own event-bus addresses to the cluster again, its peers having"
            + " failed to reach it")
        .register(meters);
  }

  /** Whether the last checks found this node reachable from its peers (always true for a node running alone). */
  boolean reachable() {
    return failure == null;
  }

  /** Why the peers could not reach this node, while {@link #reachable()} is false. */
  String failure() {
    return failure;
  }

  @Override
  public Future<?> start() {
    List<Future<?>> registered = new ArrayList<>();
    registered.add(ClusterOps.PING.serve(vertx, ping -> Future.succeededFuture(Ack.INSTANCE)).completion());
    registered.add(ClusterOps.REACH_BACK.serve(vertx, this::pingBack).completion());
    if (nodes.clustered()) {
      String self = nodes.localNodeId();
      registered.add(ClusterOps.PING.onNode(self).serve(vertx, ping -> Future.succeededFuture(Ack.INSTANCE))
          .completion());
      registered.add(ClusterOps.REACH_BACK.onNode(self).serve(vertx, this::pingBack).completion());
      timer = vertx.setPeriodic(intervalMs, ignored -> check());
    }
    return Future.all(registered);
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /** A peer asks to be pinged back: fails with 503 when its own address could not be reached from here. */
  private Future<Ack> pingBack(ReachBack request) {
    return ClusterOps.PING.onNode(request.node()).callUntranslated(vertx, new NodePing(), PING_TIMEOUT_MS)
        .recover(error -> Future.failedFuture(ErrorCode.SERVICE_UNAVAILABLE.toException("Node " + request.node()
            + " could not be reached from node " + nodes.localNodeId() + ": " + error.getMessage())));
  }

  private void check() {
    List<String> peers = nodes.members().stream().filter(n -> !n.equals(nodes.localNodeId())).sorted().toList();
    if (checking || peers.isEmpty()) {
      if (peers.isEmpty()) {
        // Alone in the cluster: nobody needs to reach this node.
        failuresInARow = 0;
        failure = null;
      }
      return;
    }
    checking = true;
    String peer = peers.get(Math.floorMod(nextPeer++, peers.size()));
    ClusterOps.REACH_BACK.onNode(peer)
        .callUntranslated(vertx, new ReachBack(nodes.localNodeId()), 2 * PING_TIMEOUT_MS)
        .onComplete(ar -> {
          checking = false;
          if (ar.succeeded()) {
            reached(peer);
          } else if (BusFailures.failedAtRecipient(ar.cause())) {
            notReached(peer, ar.cause().getMessage());
          } else {
            LOG.debug("Could not ask node {} to ping this node back: {}", peer, ar.cause().toString());
          }
        });
  }

  private void reached(String peer) {
    failuresInARow = 0;
    if (!reachable()) {
      LOG.info("Node {} reaches this node over the event bus again: ready", peer);
    }
    failure = null;
  }

  private void notReached(String peer, String why) {
    failuresInARow++;
    if (failuresInARow < FAILURES_TO_REPORT) {
      return;
    }
    if (reachable()) {
      failure = why;
      LOG.error("The other nodes cannot reach this node over the event bus ({}; asked node {}): it answers "
          + "/health/ready with 503 and announces its addresses to the cluster again", why, peer);
    }
    // Again every second failed check while it lasts: a merge may still have been under way the time before.
    if (failuresInARow % FAILURES_TO_REPORT == 0) {
      reannounce();
    }
  }

  private void reannounce() {
    reannounced.increment();
    BusEndpoints.reannounce(vertx).onComplete(ar -> {
      if (ar.succeeded()) {
        LOG.warn("Announced this node's {} event-bus addresses to the cluster again", ar.result());
      } else {
        LOG.error("Announcing this node's event-bus addresses again failed; restart this node: {}",
            ar.cause().toString());
      }
    });
  }
}
