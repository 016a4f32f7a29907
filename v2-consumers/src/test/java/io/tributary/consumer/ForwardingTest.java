package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.OnContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A forwarded request whose node leaves fails at once with 50304 instead of waiting for its long timeout. */
class ForwardingTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aForwardToANodeThatLeavesFailsWith50304AndOthersAreUntouched() throws Exception {
    // Both "nodes" answer nothing: their requests stay in flight until a node leaves.
    ConsumerOps.READ.onNode("gone").serve(vertx, request -> Promise.<RenderedRead>promise().future());
    ConsumerOps.READ.onNode("alive").serve(vertx, request -> Promise.<RenderedRead>promise().future());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Forwarding forwarding = new Forwarding(vertx, meters);
    ReadRecords read = new ReadRecords(new ConsumerRef("g", "i", "p"), null, EmbeddedFormat.BINARY, null, null,
        RecordLayout.v2(false, false));
    List<Future<RenderedRead>> forwards = OnContext.call(vertx, () -> List.of(
        forwarding.forward(ConsumerOps.READ, "gone", read, 600_000),
        forwarding.forward(ConsumerOps.READ, "alive", read, 600_000)));

    OnContext.run(vertx, () -> {
      forwarding.nodeLeft("gone");
    });

    Throwable failure = Eventually.get(() -> forwards.get(0).cause(), cause -> cause != null);
    assertThat(BusFailures.asTributary(failure).code()).isEqualTo(50304);
    assertThat(BusFailures.asTributary(failure).status()).isEqualTo(503);
    assertThat(forwards.get(1).isComplete()).isFalse();
    assertThat(meters.find("tributary.consumer.forwarded").counter().count()).isEqualTo(2.0);
  }

}
