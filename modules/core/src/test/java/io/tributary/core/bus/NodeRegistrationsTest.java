package io.tributary.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.cluster.NodePing;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BusEndpoints#reannounce}: node-scoped registrations made anew, for as long as their verticle runs. */
class NodeRegistrationsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void aNodeScopedRegistrationIsMadeAnewInItsDeploymentAndStillAnswersThenEndsWithIt() throws Exception {
    BusOperation<NodePing, Ack> ping = ClusterOps.PING.onNode("n1");
    AtomicInteger answered = new AtomicInteger();
    String deployment = vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        ClusterOps.PING.serve(vertx, p -> Future.succeededFuture(Ack.INSTANCE));
        return ping.serve(vertx, p -> {
          answered.incrementAndGet();
          return Future.succeededFuture(Ack.INSTANCE);
        }).completion();
      }
    }).await(30, TimeUnit.SECONDS);

    assertThat(BusEndpoints.reannounce(vertx).await(30, TimeUnit.SECONDS)).as("node-scoped ones only").isEqualTo(1);

    assertThat(ping.call(vertx, new NodePing()).await(30, TimeUnit.SECONDS)).isEqualTo(Ack.INSTANCE);
    assertThat(answered).hasValue(1);
    assertThat(eventually(() -> BusEndpoints.servers(vertx, ping), Map.of(deployment, 1)))
        .as("the old registration ended, the new one counts").containsExactly(Map.entry(deployment, 1));

    vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    assertThat(BusEndpoints.reannounce(vertx).await(30, TimeUnit.SECONDS)).as("gone with its verticle").isZero();
    assertThat(eventually(() -> BusEndpoints.servers(vertx, ping), Map.of())).isEmpty();
  }

  /** The value once it equals {@code expected} (an ended registration is uncounted on its context), or the last. */
  private static <T> T eventually(Supplier<T> read, T expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    T value = read.get();
    while (!value.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      value = read.get();
    }
    return value;
  }
}
