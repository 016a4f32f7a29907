package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.Assign;
import io.tributary.core.consumer.Assignment;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.GetAssignment;
import io.tributary.core.consumer.GetCommittedOffsets;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.consumer.Seek;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Subscription;
import io.tributary.core.consumer.Unsubscribe;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer engine over the event bus: an instance exists only for the principal that created it, and the engine
 * holds at most {@code consumer.instances.max} instances. No broker is needed: every operation checked here either
 * fails before Kafka is touched or works on the client's local state (subscribe, assign, their read-backs).
 */
class ConsumerEngineOwnershipTest {
  private static final String GROUP = "ownership";

  private Vertx vertx;

  @AfterEach
  void close() throws Exception {
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @Test
  void everyOperationOnAnotherPrincipalsInstanceAnswersAsForAMissingOne() throws Exception {
    deploy(Map.of());
    create("c1", "alice");
    ConsumerRef alices = new ConsumerRef(GROUP, "c1", "alice");
    request(ConsumerOps.SUBSCRIBE, new Subscribe(alices, List.of("alice-topic"), null));
    ConsumerRef bobs = new ConsumerRef(GROUP, "c1", "bob");
    ConsumerRef missing = new ConsumerRef(GROUP, "never-created", "alice");

    Map<String, Function<ConsumerRef, Object>> operations = everyInstanceOperation();
    for (Map.Entry<String, Function<ConsumerRef, Object>> operation : operations.entrySet()) {
      TributaryException asBob = failure(operation.getKey(), operation.getValue().apply(bobs));
      TributaryException asMissing = failure(operation.getKey(), operation.getValue().apply(missing));
      assertThat(asBob.code()).as(operation.getKey()).isEqualTo(40403);
      assertThat(asBob.getMessage()).as(operation.getKey()).isEqualTo(asMissing.getMessage());
    }

    // Nothing bob sent reached alice's instance: still there, still subscribed to her topic only.
    Subscription subscription = request(ConsumerOps.SUBSCRIPTION, new GetSubscription(alices));
    assertThat(subscription.topics()).containsExactly("alice-topic");
    request(ConsumerOps.DELETE, new DeleteConsumer(alices));
    assertThat(failure(ConsumerOps.SUBSCRIPTION, new GetSubscription(alices)).code()).isEqualTo(40403);
  }

  @Test
  void eachPrincipalHasItsOwnInstanceNames() throws Exception {
    deploy(Map.of());
    create("same", "alice");
    // bob's create of the same name neither fails nor tells him that alice has one: he gets his own.
    create("same", "bob");
    ConsumerRef alices = new ConsumerRef(GROUP, "same", "alice");
    ConsumerRef bobs = new ConsumerRef(GROUP, "same", "bob");
    request(ConsumerOps.ASSIGN, new Assign(bobs, List.of(new PartitionRef("bob-topic", 0))));

    Assignment alicesAssignment = request(ConsumerOps.ASSIGNMENT, new GetAssignment(alices));
    Assignment bobsAssignment = request(ConsumerOps.ASSIGNMENT, new GetAssignment(bobs));
    assertThat(alicesAssignment.partitions()).isEmpty();
    assertThat(bobsAssignment.partitions()).containsExactly(new PartitionRef("bob-topic", 0));
    // Within one principal a name is still unique in its group.
    assertThat(createFailure("same", "alice").code()).isEqualTo(40902);
  }

  @Test
  void aCreateBeyondTheMaximumIs42902UntilADeleteFreesASlot() throws Exception {
    deploy(Map.of("consumer.instances.max", "2"));
    create("one", "alice");
    create("two", "bob");

    TributaryException full = createFailure("three", "alice");
    assertThat(full.code()).isEqualTo(42902);
    assertThat(full.errorCode().status()).isEqualTo(429);
    assertThat(failure(ConsumerOps.SUBSCRIPTION, new GetSubscription(new ConsumerRef(GROUP, "three",
        "alice"))).code()).as("the refused instance was never registered").isEqualTo(40403);

    request(ConsumerOps.DELETE, new DeleteConsumer(new ConsumerRef(GROUP, "two", "bob")));
    assertThat(create("three", "alice").instanceId()).isEqualTo("three");
    assertThat(createFailure("four", "bob").code()).isEqualTo(42902);
  }

  @Test
  void anExpiredInstanceFreesItsSlot() throws Exception {
    deploy(Map.of("consumer.instances.max", "1", "consumer.instance.timeout.ms", "1"));
    create("first", "alice");

    // Only the expiry of "first" can make room for another instance.
    ConsumerCreated second = Eventually.first(() -> {
      try {
        return create("second", "alice");
      } catch (Exception e) {
        assertThat(BusFailures.fromReply(e.getCause()).code()).isEqualTo(42902);
        return null;
      }
    });
    assertThat(second).isNotNull();
    assertThat(failure(ConsumerOps.SUBSCRIPTION,
        new GetSubscription(new ConsumerRef(GROUP, "first", "alice"))).code()).isEqualTo(40403);
  }

  /** Every bus address that addresses one instance, with a request for it that is valid in itself. */
  private static Map<String, Function<ConsumerRef, Object>> everyInstanceOperation() {
    PartitionRef partition = new PartitionRef("bob-topic", 0);
    Map<String, Function<ConsumerRef, Object>> all = new LinkedHashMap<>();
    all.put(ConsumerOps.READ.address(), ref -> new ReadRecords(ref, null, EmbeddedFormat.BINARY, null, 1L, RecordLayout.V1));
    all.put(ConsumerOps.REQUEUE.address(), ref -> new RequeueRecords(ref, List.of()));
    all.put(ConsumerOps.COMMIT.address(), ref -> new CommitOffsets(ref, null));
    all.put(ConsumerOps.SUBSCRIBE.address(), ref -> new Subscribe(ref, List.of("bob-topic"), null));
    all.put(ConsumerOps.SUBSCRIPTION.address(), GetSubscription::new);
    all.put(ConsumerOps.UNSUBSCRIBE.address(), Unsubscribe::new);
    all.put(ConsumerOps.ASSIGN.address(), ref -> new Assign(ref, List.of(partition)));
    all.put(ConsumerOps.ASSIGNMENT.address(), GetAssignment::new);
    all.put(ConsumerOps.SEEK.address(), ref -> new Seek(ref, List.of(new PartitionOffset("bob-topic", 0, 0, null)),
        List.of()));
    all.put(ConsumerOps.SEEK_EDGE.address(), ref -> new SeekToEdge(ref, List.of(partition), SeekToEdge.Edge.END));
    all.put(ConsumerOps.COMMITTED.address(), ref -> new GetCommittedOffsets(ref, List.of(partition)));
    all.put(ConsumerOps.DELETE.address(), DeleteConsumer::new);
    return all;
  }

  private void deploy(Map<String, String> overrides) throws Exception {
    vertx = Vertx.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    // Nothing listens there: constructing a Kafka consumer does not connect.
    Map<String, String> values = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:" + unusedPort()));
    values.putAll(overrides);
    await(vertx.deployVerticle(new ConsumerEngineVerticle(new TributaryConfig(values))));
  }

  private ConsumerCreated create(String name, String principal) throws Exception {
    return request(ConsumerOps.CREATE, createRequest(name, principal));
  }

  private TributaryException createFailure(String name, String principal) {
    return failure(ConsumerOps.CREATE, createRequest(name, principal));
  }

  private static CreateConsumer createRequest(String name, String principal) {
    return new CreateConsumer(GROUP, name, null, EmbeddedFormat.BINARY, null, false, null, null, principal);
  }

  private <Q extends BusMessage, R extends BusMessage> R request(BusOperation<Q, R> operation, Q body)
      throws Exception {
    return await(operation.call(vertx, body));
  }

  private <Q extends BusMessage> TributaryException failure(BusOperation<Q, ?> operation, Q body) {
    Throwable error = catchThrowable(() -> request(operation, body));
    assertThat(error).as(operation.address()).isNotNull();
    return BusFailures.fromReply(error.getCause());
  }

  private <T> T request(String address, Object body) throws Exception {
    return await(vertx.eventBus().<T>request(address, body).map(m -> m.body()));
  }

  private TributaryException failure(String address, Object body) {
    Throwable error = catchThrowable(() -> request(address, body));
    assertThat(error).as(address).isNotNull();
    return BusFailures.fromReply(error.getCause());
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
