package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two copies of one instance, as two cluster nodes on either side of a network split hold them (each its own
 * registry), as static members of one group against the test broker: the copy that joined last wins, the older copy
 * is fenced by Kafka at its next call, answers 50304 (never a 500) and is closed and forgotten on its node.
 */
class StaticMemberFencingTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers",
      TestKafka.bootstrapServers(), "consumer.request.timeout.ms", "1000"));
  private final ConsumerSettings settings = ConsumerSettings.from(config);
  private final ExecutorService pool = Pools.fixed("fencing-test", 4);
  private final InstanceRegistry registryA = new InstanceRegistry(10);
  private final InstanceRegistry registryB = new InstanceRegistry(10);
  private final ConsumerOperations nodeA = operations(registryA);
  private final ConsumerOperations nodeB = operations(registryB);

  @AfterEach
  void close() throws Exception {
    await(() -> Future.join(List.of(closeAll(registryA), closeAll(registryB))).mapEmpty());
    pool.shutdown();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theCopyThatJoinedLastWinsAndTheOlderOneIsFencedAndClosed() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("fencing"), 1);
    produce(topic, 0, 4);
    String group = "g-" + UUID.randomUUID();
    CreateConsumer create = new CreateConsumer(group, "split", null, EmbeddedFormat.BINARY, "earliest", false, null,
        null, "alice");
    ConsumerRef ref = new ConsumerRef(group, "split", "alice");
    await(() -> nodeA.open(create).compose(i -> i.call(c -> {
      c.subscribe(List.of(topic), null);
      return null;
    })));
    List<ConsumedRecord> readOnA = readUntil(nodeA, ref, 4);
    await(() -> nodeA.commit(new CommitOffsets(ref, List.of(new PartitionOffset(topic, 0, 2, null)))));

    // The other side of the split re-creates the instance (a take-over) while A still holds its copy.
    await(() -> nodeB.open(create).compose(i -> i.call(c -> {
      c.subscribe(List.of(topic), null);
      return null;
    })));
    produce(topic, 4, 2);
    List<ConsumedRecord> readOnB = readUntil(nodeB, ref, 4);
    TributaryException onA = failure(() -> nodeA.commit(
        new CommitOffsets(ref, List.of(new PartitionOffset(topic, 0, 4, null)))));
    ConsumerGroupDescription described = TestKafka.admin().describeConsumerGroups(List.of(group))
        .describedGroups().get(group).get(30, TimeUnit.SECONDS);

    assertThat(readOnA).extracting(ConsumedRecord::offset).containsExactly(0L, 1L, 2L, 3L);
    assertThat(readOnB).extracting(ConsumedRecord::offset).containsExactly(2L, 3L, 4L, 5L);
    assertThat(onA.code()).isEqualTo(50304);
    assertThat(await(() -> Future.succeededFuture(registryA.find(ref)))).as("A forgot its copy").isNull();
    assertThat(await(() -> Future.succeededFuture(registryB.find(ref)))).isNotNull();
    assertThat(described.members()).extracting(MemberDescription::groupInstanceId)
        .containsExactly(java.util.Optional.of(StaticMemberId.of(ref)));
    assertThat(TestKafka.committedOffset(group, topic, 0)).as("the fenced copy committed nothing").isEqualTo(2L);
  }

  private ConsumerOperations operations(InstanceRegistry registry) {
    ReadRendering rendering = new ReadRendering(context, pool, EngineBusConverter.over(vertx, 5_000));
    return new ConsumerOperations(vertx, context, config, settings, registry, pool,
        new InstanceClientMetrics(new SimpleMeterRegistry()), rendering, true);
  }

  private static Future<Void> closeAll(InstanceRegistry registry) {
    return Future.join(registry.removeAll().stream().map(ConsumerInstance::close).toList()).mapEmpty();
  }

  private List<ConsumedRecord> readUntil(ConsumerOperations node, ConsumerRef ref, int expected) {
    List<ConsumedRecord> records = new ArrayList<>();
    Eventually.get(() -> {
      try {
        records.addAll(await(() -> node.read(new ReadRecords(ref, null, EmbeddedFormat.BINARY, null, 500L,
            RecordLayout.v2(false, false)))).records());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return records.size();
    }, n -> n >= expected);
    return records;
  }

  private TributaryException failure(Supplier<Future<?>> operation) {
    try {
      await(operation::get);
    } catch (ExecutionException e) {
      return BusFailures.asTributary(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the operation succeeded");
  }

  /** Runs on the engine's context, as the engine's operations must. */
  private <T> T await(Supplier<Future<T>> operation) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        operation.get().onComplete(ar -> {
          if (ar.succeeded()) {
            result.complete(ar.result());
          } else {
            result.completeExceptionally(ar.cause());
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(60, TimeUnit.SECONDS);
  }

  private static void produce(String topic, int from, int count) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (int i = from; i < from + count; i++) {
        producer.send(new ProducerRecord<>(topic, 0, null, ("r" + i).getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }
}
