package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two nodes that formed a cluster each (the second did not know the first, as after a network split) and then find
 * each other: Hazelcast merges them (its split-brain handling, run every two seconds here instead of minutes), and
 * the merged cluster serves every instance created on either side from either node, with one live copy of an
 * instance both sides created under the same name.
 *
 * <p>Off in the build, on with {@code -Dtributary.test.merge=true}: it passed 8 times out of 9 (locally, also under
 * three busy loops), and in one clean-clone CI run the node that merged into the other stopped receiving its own
 * event-bus requests for good (its instances expired unreached). That is the Vert.x clustered event bus losing the
 * merged node's registrations, a known upstream problem (eclipse-vertx/vert.x#4394, vert-x3/vertx-hazelcast#90), not
 * something this test can wait out; docs/deployment.md tells operators what to do after a split heals.
 */
@EnabledIfSystemProperty(named = "tributary.test.merge", matches = "true",
    disabledReason = "flaky through an upstream Vert.x problem after a split-brain merge: see the class comment")
class ClusterMergeTest {
  /** Hazelcast's merge task, which by default first runs after five minutes, then every two. */
  private static final Map<String, String> FAST_MERGE = Map.of("hazelcast.merge.first.run.delay.seconds", "2",
      "hazelcast.merge.next.run.delay.seconds", "2");

  private record Node(HazelcastTestNodes view, MeterRegistry meters) {
    double instances() {
      return meters.find("tributary.consumer.instances").gauge().value();
    }
  }

  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    for (Node node : nodes) {
      try {
        await(node.view().vertx().close());
      } catch (Exception alreadyClosed) {
        // nothing left to stop
      }
    }
  }

  @Test
  void twoClustersThatFindEachOtherMergeAndServeEveryInstanceFromEitherNode() throws Exception {
    String cluster = "tributary-merge-" + UUID.randomUUID();
    int portA = HazelcastTestNodes.freePort();
    int portB = HazelcastTestNodes.freePort();
    // A knows B's address, which nobody serves yet: A forms a cluster alone. B knows nobody: a cluster of its own.
    Node a = start(cluster, portA, List.of(portA, portB));
    Node b = start(cluster, portB, List.of(portB));
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-merge"), 1);
    String group = "g-" + UUID.randomUUID();
    ConsumerRef onA = subscribed(a, group, "on-a", topic);
    ConsumerRef onB = subscribed(b, group, "on-b", topic);
    ConsumerRef onBoth = subscribed(a, group, "on-both", topic);
    // Names are unique per cluster: while apart, each side accepts the same name.
    subscribed(b, group, "on-both", topic);
    assertThat(a.view().members()).hasSize(1);
    assertThat(b.view().members()).hasSize(1);

    Eventually.get(() -> a.view().members().size() + b.view().members().size(), n -> n == 4);

    // After the merge the directory lists one owner per name; the other copy of "on-both" is closed.
    Eventually.get(() -> a.instances() + b.instances(), n -> n == 3.0);
    for (Node node : nodes) {
      for (ConsumerRef ref : List.of(onA, onB, onBoth)) {
        assertThat(Eventually.first(() -> subscription(node, ref)))
            .as("%s through %s", ref.instance(), node.view().localNodeId()).containsExactly(topic);
      }
    }
    for (ConsumerRef ref : List.of(onA, onB, onBoth)) {
      call(a, ConsumerOps.DELETE, new DeleteConsumer(ref));
    }
    assertThat(a.instances() + b.instances()).isZero();
  }

  /** The instance's topics as {@code node} answers them, or null while the merge still moves things. */
  private static List<String> subscription(Node node, ConsumerRef ref) {
    try {
      return call(node, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).topics();
    } catch (Exception notYet) {
      return null;
    }
  }

  private Node start(String cluster, int port, List<Integer> memberPorts) throws Exception {
    HazelcastTestNodes view = await(HazelcastTestNodes.start(cluster, port, memberPorts, FAST_MERGE));
    MeterRegistry meters = new SimpleMeterRegistry();
    TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
        "consumer.instance.timeout.ms", "60000", "consumer.request.timeout.ms", "1000",
        "consumer.session.timeout.ms", "120000"));
    await(view.vertx().deployVerticle(new ConsumerEngineVerticle(config, meters, view)));
    Node node = new Node(view, meters);
    nodes.add(node);
    return node;
  }

  private static ConsumerRef subscribed(Node node, String group, String name, String topic) throws Exception {
    ConsumerRef ref = new ConsumerRef(group, name, "alice");
    call(node, ConsumerOps.CREATE, new CreateConsumer(group, name, null, EmbeddedFormat.BINARY, "earliest", false,
        null, null, "alice"));
    call(node, ConsumerOps.SUBSCRIBE, new Subscribe(ref, List.of(topic), null));
    return ref;
  }

  private static <Q extends BusMessage, R extends BusMessage> R call(Node node, BusOperation<Q, R> operation,
      Q request) throws Exception {
    return await(operation.call(node.view().vertx(), request, 30_000));
  }


  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
  }
}
