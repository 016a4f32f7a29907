package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.ForwardedRead;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three clustered nodes in one JVM, each with its own consumer engine, against the test broker: any node answers any
 * consumer instance, with the answers of a single node, and an instance outlives its node. One cluster for the class
 * (Hazelcast's join takes seconds); the test that stops a node runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusteredConsumerEngineTest {
  private static final String UNCONFIRMED = "tributary.consumer.forwarded.unconfirmed";
  private static final List<Node> NODES = new ArrayList<>();
  private static Node a;
  private static Node b;
  private static Node c;
  /** Created on node A before it stops, never used again: it must expire cluster-wide (test 7). */
  private static ConsumerRef orphan;

  private record Node(HazelcastTestNodes view, MeterRegistry meters, String engine) {
    Vertx vertx() {
      return view.vertx();
    }

    double counted(String meter) {
      var counter = meters.find(meter).counter();
      return counter == null ? 0 : counter.count();
    }

    double expired() {
      var counter = meters.find("tributary.consumer.instance.events").tag("event", "expired").counter();
      return counter == null ? 0 : counter.count();
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    String cluster = "tributary-test-" + UUID.randomUUID();
    List<Integer> ports = List.of(HazelcastTestNodes.freePort(), HazelcastTestNodes.freePort(), HazelcastTestNodes.freePort());
    for (int port : ports) {
      HazelcastTestNodes view = await(HazelcastTestNodes.start(cluster, port, ports));
      MeterRegistry meters = new SimpleMeterRegistry();
      TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
          "consumer.instance.timeout.ms", "20000", "consumer.request.timeout.ms", "1000",
          // Longer than Eventually's patience: a static member that is not removed from its group outlives the test.
          "consumer.session.timeout.ms", "120000"));
      String engine = await(view.vertx().deployVerticle(new ConsumerEngineVerticle(config, meters, view)));
      NODES.add(new Node(view, meters, engine));
    }
    a = NODES.get(0);
    b = NODES.get(1);
    c = NODES.get(2);
    Eventually.get(() -> c.view().members().size(), n -> n == 3);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (Node node : NODES) {
      try {
        await(node.vertx().close());
      } catch (Exception alreadyClosed) {
        // the node-loss test closed it
      }
    }
  }

  @Test
  @Order(1)
  void createOnASubscribeOnBReadOnCCommitOnBDeleteOnA() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-matrix"), 1);
    produce(topic, 0, 3);
    String group = "g-" + UUID.randomUUID();
    ConsumerRef ref = new ConsumerRef(group, "m1", "alice");

    assertThat(call(a, ConsumerOps.CREATE, create(group, "m1", "alice")).instanceId()).isEqualTo("m1");
    call(b, ConsumerOps.SUBSCRIBE, new Subscribe(ref, List.of(topic), null));
    assertThat(call(c, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).topics()).containsExactly(topic);
    List<ConsumedRecord> read = readUntil(c, ref, 3);
    call(b, ConsumerOps.COMMIT, new CommitOffsets(ref, null));
    call(a, ConsumerOps.DELETE, new DeleteConsumer(ref));

    assertThat(read).extracting(ConsumedRecord::offset).containsExactly(0L, 1L, 2L);
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(3L);
    for (Node node : NODES) {
      assertThat(failure(node, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).code()).isEqualTo(40403);
    }
    assertThat(b.counted("tributary.consumer.forwarded")).isPositive();
    assertThat(c.counted("tributary.consumer.forwarded")).isPositive();
    assertThat(NODES.stream().mapToDouble(n -> n.counted("tributary.consumer.recreated")).sum()).isZero();
  }

  @Test
  @Order(2)
  void aForwardedReadIsRenderedInTheInstancesFormatAndWhatCannotBeRenderedGoesBackToTheOwner() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-render"), 1);
    produceValues(topic, "{\"n\":0}");
    String group = "g-" + UUID.randomUUID();
    ConsumerRef ref = new ConsumerRef(group, "json", "alice");
    call(a, ConsumerOps.CREATE, new CreateConsumer(group, "json", null, EmbeddedFormat.JSON, "earliest", false, null,
        null, "alice"));
    call(a, ConsumerOps.SUBSCRIBE, new Subscribe(ref, List.of(topic), null));

    RenderedRead rendered = readOnce(c, ref, EmbeddedFormat.JSON);
    produceValues(topic, "not json");
    RenderedRead refused = readOnce(c, ref, EmbeddedFormat.JSON);
    call(c, ConsumerOps.REQUEUE, new RequeueRecords(ref, refused.records()));
    RenderedRead again = readOnce(b, ref, EmbeddedFormat.JSON);

    Buffer body = Buffer.buffer();
    rendered.body().forEach(body::appendBuffer);
    assertThat(new JsonArray(body).getJsonObject(0).getJsonObject("value")).isEqualTo(new JsonObject().put("n", 0));
    assertThat(refused.failure().code()).isEqualTo(50002);
    assertThat(refused.records()).extracting(ConsumedRecord::offset).containsExactly(1L);
    assertThat(again.failure().code()).as("handed back, not skipped").isEqualTo(50002);
    assertThat(again.records()).extracting(ConsumedRecord::offset).containsExactly(1L);
    call(a, ConsumerOps.DELETE, new DeleteConsumer(ref));
  }

  @Test
  @Order(2)
  void aForwardedReadIsHeldUntilItsNodeConfirmsItAndALostReplyIsReadAgain() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-lost-reply"), 1);
    produce(topic, 0, 2);
    ConsumerRef ref = subscribedOn(a, "lost", topic);
    double unconfirmedBefore = a.counted(UNCONFIRMED);

    // Through C: C confirms what it received, so A holds nothing and hands nothing back.
    List<ConsumedRecord> viaC = readUntil(c, ref, 2);
    Eventually.get(() -> a.meters().find("tributary.consumer.forwarded.held").gauge().value(), n -> n == 0.0);
    double unconfirmedAfterC = a.counted(UNCONFIRMED);
    // A reply that never arrives: the node that forwarded the read left the cluster before A answered.
    produce(topic, 2, 2);
    ReadRecords read = new ReadRecords(ref, null, EmbeddedFormat.BINARY, null, 500L, RecordLayout.v2(false, false));
    ReadResult lost = Eventually.get(() -> {
      try {
        return call(b, ConsumerOps.READ_UNRENDERED.onNode(a.view().localNodeId()),
            new ForwardedRead(read, "gone-" + UUID.randomUUID()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, result -> !result.records().isEmpty());
    List<ConsumedRecord> readAgain = readUntil(b, ref, 2);

    assertThat(viaC).extracting(ConsumedRecord::offset).containsExactly(0L, 1L);
    assertThat(unconfirmedAfterC).isEqualTo(unconfirmedBefore);
    assertThat(lost.records()).extracting(ConsumedRecord::offset).startsWith(2L);
    assertThat(readAgain).extracting(ConsumedRecord::offset).as("handed back, not skipped").containsExactly(2L, 3L);
    assertThat(a.counted(UNCONFIRMED)).isEqualTo(unconfirmedBefore + lost.records().size());
    call(a, ConsumerOps.DELETE, new DeleteConsumer(ref));
  }

  /** The first read through {@code node} that returns records. */
  private static RenderedRead readOnce(Node node, ConsumerRef ref, EmbeddedFormat format) {
    return Eventually.get(() -> {
      try {
        return call(node, ConsumerOps.READ, new ReadRecords(ref, null, format, null, 500L,
            RecordLayout.v2(false, false)));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, read -> !read.records().isEmpty());
  }

  /** Writes {@code values} (UTF-8) to partition 0 of {@code topic}, in order. */
  private static void produceValues(String topic, String... values) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, 0, null, value.getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }


  @Test
  @Order(3)
  void namesAreUniquePerPrincipalAcrossNodesAndNobodyElseSeesAnInstance() throws Exception {
    String group = "g-" + UUID.randomUUID();
    call(a, ConsumerOps.CREATE, create(group, "dup", "alice"));

    TributaryException again = failure(b, ConsumerOps.CREATE, create(group, "dup", "alice"));
    // Bob's instance of the same name is his own; alice's stays invisible to him on every node.
    call(c, ConsumerOps.CREATE, create(group, "dup", "bob"));
    ConsumerRef alicesAsBob = new ConsumerRef(group, "dup", "bob");
    call(b, ConsumerOps.DELETE, new DeleteConsumer(alicesAsBob));

    assertThat(again.code()).isEqualTo(40902);
    for (Node node : NODES) {
      assertThat(failure(node, ConsumerOps.SUBSCRIPTION, new GetSubscription(alicesAsBob)).code())
          .isEqualTo(40403);
      assertThat(call(node, ConsumerOps.SUBSCRIPTION, new GetSubscription(new ConsumerRef(group, "dup", "alice")))
          .topics()).isEmpty();
    }
    call(c, ConsumerOps.DELETE, new DeleteConsumer(new ConsumerRef(group, "dup", "alice")));
  }

  @Test
  @Order(4)
  void whenTheDirectoryNamesAnotherOwnerTheLocalCopyIsClosedAndTheListedOwnerServes() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-owner"), 1);
    ConsumerRef ref = subscribedOn(b, "split", topic);
    double recreatedBefore = c.counted("tributary.consumer.recreated");

    // As a healed network split leaves it: the directory (Hazelcast's merged copy) names C, B still holds a copy.
    rewriteOwner(ref, c.view().localNodeId());

    // B's scan closes its copy; C, named by the directory but holding nothing, re-creates it on the next request.
    Eventually.get(() -> b.meters().find("tributary.consumer.instances").gauge().value(), n -> n == 0.0);
    assertThat(call(a, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).topics()).containsExactly(topic);
    assertThat(c.counted("tributary.consumer.recreated")).isEqualTo(recreatedBefore + 1);
    assertThat(c.meters().find("tributary.consumer.instances").gauge().value()).isEqualTo(1.0);
    call(a, ConsumerOps.DELETE, new DeleteConsumer(ref));
  }

  @Test
  @Order(5)
  void duringASplitTheCopyThatJoinedLastServesAndTheOlderCopyIsFenced() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-fence"), 1);
    produce(topic, 0, 4);
    ConsumerRef ref = subscribedOn(a, "fenced", topic);
    String group = ref.group();
    readUntil(a, ref, 4);
    call(a, ConsumerOps.COMMIT, new CommitOffsets(ref, List.of(new PartitionOffset(topic, 0, 2, null))));
    double recreatedBefore = b.counted("tributary.consumer.recreated");

    // As B's side of a split sees it: the instance's node is gone, so B re-creates it while A still holds its copy.
    rewriteOwner(ref, "gone-" + UUID.randomUUID());
    produce(topic, 4, 2);
    List<ConsumedRecord> onB = readUntil(b, ref, 4);
    // A's copy is fenced by Kafka at its next call (or closed by A's directory scan, whichever comes first): a
    // request on A answers 50304, which the client retries, or reaches B; never a 500, never served by A's copy.
    List<Integer> failedOnA = new ArrayList<>();
    var committedOnA = Eventually.first(() -> {
      try {
        return call(a, ConsumerOps.COMMIT, new CommitOffsets(ref, List.of(new PartitionOffset(topic, 0, 6, null))));
      } catch (Exception e) {
        failedOnA.add(BusFailures.asTributary(e.getCause()).code());
        return null;
      }
    });

    assertThat(onB).extracting(ConsumedRecord::offset).as("nothing lost").containsExactly(2L, 3L, 4L, 5L);
    assertThat(committedOnA).as("a retry on A reaches B").isNotNull();
    assertThat(failedOnA).allMatch(code -> code == 50304);
    assertThat(b.counted("tributary.consumer.recreated")).isEqualTo(recreatedBefore + 1);
    assertThat(Eventually.get(() -> a.meters().find("tributary.consumer.instances").gauge().value(), n -> n == 0.0))
        .as("A no longer holds a copy").isZero();
    assertThat(groupMembers(group)).extracting(MemberDescription::groupInstanceId)
        .as("one member: B's copy, the same static member").containsExactly(Optional.of(StaticMemberId.of(ref)));
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(6L);
    assertThat(readUntil(c, ref, 0)).isEmpty();
    call(c, ConsumerOps.DELETE, new DeleteConsumer(ref));
  }

  @Test
  @Order(6)
  void aDeletedInstanceLeavesItsGroupAtOnceAndTheOtherMemberGetsItsPartitions() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-leave"), 2);
    String group = "g-" + UUID.randomUUID();
    ConsumerRef first = new ConsumerRef(group, "first", "alice");
    ConsumerRef second = new ConsumerRef(group, "second", "alice");
    call(a, ConsumerOps.CREATE, create(group, "first", "alice"));
    call(a, ConsumerOps.SUBSCRIBE, new Subscribe(first, List.of(topic), null));
    call(b, ConsumerOps.CREATE, create(group, "second", "alice"));
    call(b, ConsumerOps.SUBSCRIBE, new Subscribe(second, List.of(topic), null));
    readUntil(a, first, 0);
    readUntil(b, second, 0);
    assertThat(Eventually.get(() -> groupMembers(group), members -> members.size() == 2
        && members.stream().allMatch(m -> m.assignment().topicPartitions().size() == 1))).hasSize(2);

    call(c, ConsumerOps.DELETE, new DeleteConsumer(first));

    // The deleted static member is removed from the group, not left there for consumer.session.timeout.ms (120 s).
    List<MemberDescription> after = Eventually.get(() -> groupMembers(group),
        members -> members.size() == 1 && members.get(0).assignment().topicPartitions().size() == 2);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).groupInstanceId()).contains(StaticMemberId.of(second));
    assertThat(after.get(0).assignment().topicPartitions()).hasSize(2);
    call(c, ConsumerOps.DELETE, new DeleteConsumer(second));
    assertThat(Eventually.get(() -> groupMembers(group), List::isEmpty)).isEmpty();
  }

  private static List<MemberDescription> groupMembers(String group) {
    try {
      return List.copyOf(TestKafka.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
          .get(30, TimeUnit.SECONDS).members());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Rewrites the instance's owner in the directory, compare-and-set as the engines write (retried on a race). */
  private static void rewriteOwner(ConsumerRef ref, String owner) throws Exception {
    var map = await(b.vertx().sharedData().<String, String>getAsyncMap(InstanceDirectory.MAP_NAME));
    String key = InstanceDefinition.keyOf(ref);
    Eventually.get(() -> {
      try {
        String stored = await(map.get(key));
        return await(map.replaceIfPresent(key, stored, InstanceDefinition.fromJson(stored)
            .withOwner(owner, System.currentTimeMillis()).toJson()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, replaced -> replaced);
  }

  @Test
  @Order(7)
  void anInstanceOutlivesItsNodeAndResumesFromTheCommittedOffsets() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-survive"), 1);
    produce(topic, 0, 4);
    ConsumerRef ref = subscribedOn(a, "survivor", topic);
    double recreatedBefore = b.counted("tributary.consumer.recreated") + c.counted("tributary.consumer.recreated");
    List<ConsumedRecord> first = readUntil(b, ref, 4);
    // Only the first two are committed: the other two are read again after the take-over, nothing is skipped.
    call(b, ConsumerOps.COMMIT, new CommitOffsets(ref, List.of(new PartitionOffset(topic, 0, 2, null))));

    String orphanGroup = "g-" + UUID.randomUUID();
    call(a, ConsumerOps.CREATE, create(orphanGroup, "orphan", "alice"));
    orphan = new ConsumerRef(orphanGroup, "orphan", "alice");

    String gone = a.view().localNodeId();
    await(a.vertx().close());
    Eventually.get(() -> b.view().isMember(gone) || c.view().isMember(gone), stillThere -> !stillThere);
    produce(topic, 4, 2);
    List<ConsumedRecord> afterLoss = readUntil(b, ref, 4);
    List<ConsumedRecord> onC = readUntil(c, ref, 0);

    assertThat(first).extracting(ConsumedRecord::offset).containsExactly(0L, 1L, 2L, 3L);
    assertThat(afterLoss).extracting(ConsumedRecord::offset).containsExactly(2L, 3L, 4L, 5L);
    assertThat(onC).isEmpty();
    assertThat(b.counted("tributary.consumer.recreated") + c.counted("tributary.consumer.recreated"))
        .as("one node re-created it, once").isEqualTo(recreatedBefore + 1);
    assertThat(call(c, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).topics()).containsExactly(topic);
    call(c, ConsumerOps.DELETE, new DeleteConsumer(ref));
    assertThat(failure(b, ConsumerOps.SUBSCRIPTION, new GetSubscription(ref)).code()).isEqualTo(40403);
  }

  @Test
  @Order(8)
  void anInstanceWhoseNodeIsGoneAndThatNobodyUsesExpiresClusterWide() throws Exception {
    assertThat(orphan).as("created by the previous test").isNotNull();
    var map = await(b.vertx().sharedData().<String, String>getAsyncMap(InstanceDirectory.MAP_NAME));

    // Never requested since its node stopped: the scans of B and C remove its entry after the instance timeout.
    Eventually.get(() -> {
      try {
        return await(map.get(InstanceDefinition.keyOf(orphan)));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, stored -> stored == null);

    assertThat(failure(c, ConsumerOps.SUBSCRIPTION, new GetSubscription(orphan)).code()).isEqualTo(40403);
    assertThat(b.expired() + c.expired()).as("counted as expired").isPositive();
  }

  @Test
  @Order(9)
  void aForwardThatFindsNoEngineOnALiveNodeTakesTheInstanceOver() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-undeployed"), 1);
    produce(topic, 0, 2);
    ConsumerRef ref = subscribedOn(c, "stopped", topic);
    double recreatedBefore = b.counted("tributary.consumer.recreated");

    // C stays a member of the cluster, but its engine stops and closes its instances (a node shutting down).
    await(c.vertx().undeploy(c.engine()));
    List<ConsumedRecord> read = readUntil(b, ref, 2);

    assertThat(c.view().members()).contains(c.view().localNodeId(), b.view().localNodeId());
    assertThat(read).extracting(ConsumedRecord::offset).containsExactly(0L, 1L);
    assertThat(b.counted("tributary.consumer.recreated")).isEqualTo(recreatedBefore + 1);
    call(b, ConsumerOps.DELETE, new DeleteConsumer(ref));
  }

  /** Reads until {@code expected} records came (a group join takes a few polls), then once more to see no more. */
  private static List<ConsumedRecord> readUntil(Node node, ConsumerRef ref, int expected) {
    List<ConsumedRecord> records = new ArrayList<>();
    Eventually.get(() -> {
      try {
        records.addAll(call(node, ConsumerOps.READ, new ReadRecords(ref, null, EmbeddedFormat.BINARY, null, 500L,
            RecordLayout.v2(false, false))).records());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return records.size();
    }, n -> n >= expected);
    return records;
  }

  /** Alice's instance {@code name} in a group of its own, created and subscribed to {@code topic} on {@code node}. */
  private static ConsumerRef subscribedOn(Node node, String name, String topic) throws Exception {
    String group = "g-" + UUID.randomUUID();
    ConsumerRef ref = new ConsumerRef(group, name, "alice");
    call(node, ConsumerOps.CREATE, create(group, name, "alice"));
    call(node, ConsumerOps.SUBSCRIBE, new Subscribe(ref, List.of(topic), null));
    return ref;
  }

  private static CreateConsumer create(String group, String name, String principal) {
    return new CreateConsumer(group, name, null, EmbeddedFormat.BINARY, "earliest", false, null, null, principal);
  }

  private static void produce(String topic, int from, int count) throws Exception {
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      values[i] = "r" + (from + i);
    }
    produceValues(topic, values);
  }

  private static <Q extends BusMessage, R extends BusMessage> R call(Node node, BusOperation<Q, R> operation,
      Q request) throws Exception {
    return await(operation.call(node.vertx(), request, Duration.ofSeconds(30).toMillis()));
  }

  private static <Q extends BusMessage> TributaryException failure(Node node, BusOperation<Q, ?> operation,
      Q request) {
    Throwable error = catchThrowable(() -> call(node, operation, request));
    assertThat(error).as(operation.address()).isNotNull();
    return BusFailures.asTributary(error.getCause());
  }


  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
  }
}
