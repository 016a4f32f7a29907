package io.tributary.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordHeader;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The produce engine on a real broker, with the admin engine's topic look-up played by {@link TopicsFromBroker}. */
class ProduceEngineVerticleTest {
  // A test's first produce waits for the producer's first metadata on a fresh broker, which took over Vert.x's
  // default 30 s send timeout on a loaded machine. No wait here depends on speed: the JUnit default timeout
  // (junit.jupiter.execution.timeout.default in the parent pom) ends a hang first.
  private static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final ProduceOrigin ORIGIN = new ProduceOrigin(ProduceGeneration.V2, ProduceFormat.BINARY);
  private static Vertx vertx;
  private static TopicsFromBroker admin;

  @BeforeAll
  static void deploy() {
    vertx = Vertx.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    admin = new TopicsFromBroker(vertx);
    TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
    await(vertx.deployVerticle(new ProduceEngineVerticle(config)));
  }

  @AfterAll
  static void close() {
    await(vertx.close());
  }

  @BeforeEach
  void forgetLookups() {
    admin.requests.clear();
  }

  @Test
  void sendsEveryRecordInOrderAndAnswersWithOneReceiptEach() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-order"), 3);
    List<OutgoingRecord> records = List.of(
        new OutgoingRecord(bytes("k0"), bytes("v0"), 2, List.of(new RecordHeader("h", bytes("x"))), 1_000L),
        OutgoingRecord.of(null, bytes("v1"), 2),
        OutgoingRecord.of(bytes("k2"), null, 0));

    ProduceResult result = produce(new ProduceRequest(topic, records, true, ORIGIN));

    assertThat(result.receipts()).extracting(RecordReceipt::partition).containsExactly(2, 2, 0);
    assertThat(result.receipts()).extracting(RecordReceipt::offset).containsExactly(0L, 1L, 0L);
    assertThat(result.receipts()).allMatch(RecordReceipt::succeeded);
    List<ConsumerRecord<byte[], byte[]>> stored = TestKafka.readAll(topic, 3, Duration.ofSeconds(30));
    ConsumerRecord<byte[], byte[]> first = stored.stream().filter(r -> r.partition() == 2 && r.offset() == 0)
        .findFirst().orElseThrow();
    assertThat(first.key()).isEqualTo(bytes("k0"));
    assertThat(first.value()).isEqualTo(bytes("v0"));
    assertThat(first.timestamp()).isEqualTo(1_000L);
    assertThat(first.headers().lastHeader("h").value()).isEqualTo(bytes("x"));
    ConsumerRecord<byte[], byte[]> tombstone = stored.stream().filter(r -> r.partition() == 0).findFirst()
        .orElseThrow();
    assertThat(tombstone.key()).isEqualTo(bytes("k2"));
    assertThat(tombstone.value()).isNull();
  }

  @Test
  void internalTopicsAreRefusedBeforeAnyLookUpWhicheverRouteSentTheRequest() {
    for (String topic : List.of("_schemas", "__consumer_offsets", "__transaction_state",
        TestKafka.uniqueTopic("__engine-internal"))) {
      assertThatThrownBy(() -> produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("x"), null)),
          true, ORIGIN))).as(topic).isInstanceOfSatisfying(TributaryException.class, e -> {
            assertThat(e.code()).isEqualTo(40301);
            assertThat(e.getMessage()).contains(topic).contains("internal");
          });
    }
    // Not even a metadata look-up, which could have auto-created the topic.
    assertThat(admin.requests).isEmpty();
  }

  @Test
  void remembersTopicDescriptionsBetweenRequests() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-cache"), 1);
    produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("a"), null)), true, ORIGIN));
    produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("b"), 0)), true, ORIGIN));

    assertThat(admin.requests).containsExactly(new EnsureTopic(topic, true));
  }

  @Test
  void aMissingPartitionRejectsTheWholeRequestAndWritesNothing() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-no-partition"), 1);
    List<OutgoingRecord> records = List.of(OutgoingRecord.of(null, bytes("fine"), 0),
        OutgoingRecord.of(null, bytes("nowhere"), 5));

    assertThatThrownBy(() -> produce(new ProduceRequest(topic, records, true, ORIGIN)))
        .isInstanceOfSatisfying(TributaryException.class, e -> {
          assertThat(e.code()).isEqualTo(40402);
          assertThat(e.getMessage()).isEqualTo("Partition not found.");
        });
    // The miss was looked up again before giving up: partitions may have been added meanwhile.
    assertThat(admin.requests).hasSize(2);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void onRequestARecordNamingAMissingPartitionIsRefusedAloneAndTheOthersAreWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-per-record"), 1);
    List<OutgoingRecord> records = List.of(OutgoingRecord.of(null, bytes("fine"), 0),
        OutgoingRecord.of(null, bytes("nowhere"), 5), OutgoingRecord.of(null, bytes("also fine"), 0));

    ProduceResult result = produce(new ProduceRequest(topic, records, true, true, ORIGIN));

    assertThat(result.receipts()).extracting(RecordReceipt::errorCode).containsExactly(null, 40402, null);
    assertThat(result.receipts().get(1).error()).isEqualTo("Partition not found.");
    assertThat(result.receipts()).extracting(RecordReceipt::offset).containsExactly(0L, null, 1L);
    assertThat(TestKafka.readAll(topic, 2, Duration.ofSeconds(30))).extracting(r -> new String(r.value(),
        StandardCharsets.UTF_8)).containsExactly("fine", "also fine");
  }

  @Test
  void aRequestWaitingForAFreshLookUpIsNotOvertakenByALaterOneToTheSameTopic() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-in-order"), 1);

    // Both arrive while the topic's first look-up is under way. The first also names a partition that is not in
    // that description, so it needs a second look-up; the second request does not, but must still come after it.
    Future<ProduceResult> first = produce(vertx, new ProduceRequest(topic,
        List.of(OutgoingRecord.of(null, bytes("a"), 0), OutgoingRecord.of(null, bytes("nowhere"), 5)), true, true,
        ORIGIN));
    Future<ProduceResult> second = produce(vertx, new ProduceRequest(topic,
        List.of(OutgoingRecord.of(null, bytes("b"), 0)), true, true, ORIGIN));

    assertThat(await(first).receipts().get(0).offset()).isEqualTo(0L);
    assertThat(await(second).receipts().get(0).offset()).isEqualTo(1L);
  }

  @Test
  void aPartitionAddedAfterTheDescriptionWasCachedIsFound() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-grown"), 1);
    produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("before"), 0)), true, ORIGIN));
    TestKafka.admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get(30, TimeUnit.SECONDS);

    ProduceResult result = produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("after"), 1)),
        true, ORIGIN));

    assertThat(result.receipts().get(0)).isEqualTo(RecordReceipt.success(1, 0L, result.receipts().get(0)
        .timestamp()));
  }

  @Test
  void aTopicThatMayNotBeCreatedIsNotFound() {
    String topic = TestKafka.uniqueTopic("engine-no-create");

    assertThatThrownBy(() -> produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("x"), null)),
        false, ORIGIN)))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code()).isEqualTo(40401));
    assertThat(admin.requests).containsExactly(new EnsureTopic(topic, false));
  }

  @Test
  void aTopicThatMayBeCreatedIsCreated() {
    String topic = TestKafka.uniqueTopic("engine-create");

    ProduceResult result = produce(new ProduceRequest(topic, List.of(OutgoingRecord.of(null, bytes("x"), null)),
        true, ORIGIN));

    assertThat(result.receipts()).singleElement().satisfies(r -> {
      assertThat(r.partition()).isZero();
      assertThat(r.offset()).isZero();
    });
  }

  @Test
  void aRecordKafkaRefusesGetsAFailedReceiptWhileTheOthersAreWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-too-large"), 1);
    byte[] tooLarge = new byte[2 * 1024 * 1024]; // over the producer's default max.request.size of 1 MiB
    List<OutgoingRecord> records = List.of(OutgoingRecord.of(null, bytes("small"), null),
        OutgoingRecord.of(null, tooLarge, null));

    ProduceResult result = produce(new ProduceRequest(topic, records, true, ORIGIN));

    assertThat(result.receipts().get(0).succeeded()).isTrue();
    RecordReceipt refused = result.receipts().get(1);
    assertThat(refused.errorCode()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE.code());
    assertThat(refused.error()).contains("larger than");
    assertThat(refused.partition()).isNull();
    assertThat(refused.offset()).isNull();
  }

  @Test
  void stoppingAnswersTheRequestsAlreadyAcceptedBeforeTheProducerCloses() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("engine-stop"), 1);
    Vertx own = Vertx.vertx();
    try {
      LocalRecordCodec.install(own.eventBus());
      new TopicsFromBroker(own);
      TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
      String deployment = await(own.deployVerticle(new ProduceEngineVerticle(config)));

      Future<ProduceResult> reply = produce(own, new ProduceRequest(topic,
          List.of(OutgoingRecord.of(null, bytes("last words"), null)), true, ORIGIN));
      await(own.undeploy(deployment));

      assertThat(await(reply).receipts()).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
      assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(30))).hasSize(1);
    } finally {
      await(own.close());
    }
  }

  private static ProduceResult produce(ProduceRequest request) {
    return await(produce(vertx, request));
  }

  private static Future<ProduceResult> produce(Vertx vertx, ProduceRequest request) {
    return ProduceOps.SEND.call(vertx, request, PATIENCE.toMillis());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
