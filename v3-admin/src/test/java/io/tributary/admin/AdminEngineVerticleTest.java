package io.tributary.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.PartitionDescription;
import io.tributary.core.metadata.PartitionOffsets;
import io.tributary.core.metadata.Ping;
import io.tributary.core.metadata.ReplicaDescription;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.core.metadata.TopicNames;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin engine over the event bus, against the real test broker. */
class AdminEngineVerticleTest {
  private static Vertx vertx;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
    await(vertx.deployVerticle(new AdminEngineVerticle(config)));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void describesPartitionsSortedWithLeaderAndInSyncReplicas() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("admin-describe"), 3);

    TopicDescription d = request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, false));

    assertThat(d.name()).isEqualTo(topic);
    assertThat(d.internal()).isFalse();
    assertThat(d.configs()).isEmpty();
    assertThat(d.partitions()).extracting(PartitionDescription::partition).containsExactly(0, 1, 2);
    int broker = d.partitions().get(0).leader();
    assertThat(d.partitions()).allSatisfy(p -> {
      assertThat(p.leader()).isEqualTo(broker);
      assertThat(p.replicas()).containsExactly(new ReplicaDescription(broker, true, true));
    });
  }

  @Test
  void describesConfigsSortedByNameWhenAsked() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("admin-configs"), 1);

    TopicDescription d = request(AdminOps.TOPIC_DESCRIBE, new DescribeTopic(topic, true));

    assertThat(d.configs()).containsKeys("cleanup.policy", "retention.ms").doesNotContainValue(null);
    assertThat(new ArrayList<>(d.configs().keySet())).isSorted();
  }

  @Test
  void unknownOrInvalidTopicIsTopicNotFound() {
    assertFailure(AdminOps.TOPIC_DESCRIBE, new DescribeTopic("no-such-topic-" + System.nanoTime(), true),
        40401, "Topic not found.");
    assertFailure(AdminOps.TOPIC_DESCRIBE, new DescribeTopic("not a/valid name", false), 40401,
        "Topic not found.");
  }

  @Test
  void ensureCreatesAMissingTopicOnlyWhenAsked() throws Exception {
    String topic = TestKafka.uniqueTopic("admin-ensure");
    assertFailure(AdminOps.TOPIC_ENSURE, new EnsureTopic(topic, false), 40401, "Topic not found.");

    TopicDescription created = request(AdminOps.TOPIC_ENSURE, new EnsureTopic(topic, true));
    TopicDescription again = request(AdminOps.TOPIC_ENSURE, new EnsureTopic(topic, true));

    assertThat(created.name()).isEqualTo(topic);
    assertThat(created.partitions()).isNotEmpty();
    assertThat(again.partitions()).hasSameSizeAs(created.partitions());
  }

  @Test
  void listsTopicsSortedIncludingInternalOnes() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("admin-list"), 1);

    TopicNames names = request(AdminOps.TOPICS_LIST, new ListTopics());

    assertThat(names.names()).contains(topic).isSorted();
  }

  @Test
  void listsBrokersAndAnswersPing() throws Exception {
    ClusterBrokers brokers = request(AdminOps.BROKERS_LIST, new ListBrokers());
    ClusterBrokers ping = request(AdminOps.PING, new Ping());

    assertThat(brokers.clusterId()).isNotBlank();
    assertThat(brokers.brokers()).hasSize(1);
    assertThat(brokers.controller()).isEqualTo(brokers.brokers().get(0).id());
    assertThat(ping.clusterId()).isEqualTo(brokers.clusterId());
  }

  @Test
  void pingFailsWith503WhenKafkaIsNotReachable() throws Exception {
    Vertx isolated = Vertx.vertx();
    try {
      LocalRecordCodec.install(isolated.eventBus());
      TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", "127.0.0.1:" + unusedPort()));
      await(isolated.deployVerticle(new AdminEngineVerticle(config)));

      Throwable error = catchThrowable(() -> await(AdminOps.PING.call(isolated, new Ping())));

      TributaryException te = BusFailures.fromReply(error.getCause());
      assertThat(te.code()).isEqualTo(503);
      assertThat(te.getMessage()).startsWith("Kafka is not reachable: ");
    } finally {
      await(isolated.close());
    }
  }

  @Test
  void readsPartitionOffsets() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("admin-offsets"), 2);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, 1, null, new byte[] {(byte) i})).get(30, TimeUnit.SECONDS);
      }
    }

    PartitionOffsets one = request(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets(topic, 1));
    PartitionOffsets zero = request(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets(topic, 0));

    assertThat(one).isEqualTo(new PartitionOffsets(topic, 1, 0, 3));
    assertThat(zero).isEqualTo(new PartitionOffsets(topic, 0, 0, 0));
    assertFailure(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets(topic, 2), 40402,
        "Partition not found.");
    assertFailure(AdminOps.PARTITION_OFFSETS, new GetPartitionOffsets("no-such-" + topic, 0), 40401,
        "Topic not found.");
  }

  private static <Q extends BusMessage, R extends BusMessage> R request(BusOperation<Q, R> operation, Q body)
      throws Exception {
    return await(operation.call(vertx, body));
  }

  private static <Q extends BusMessage> void assertFailure(BusOperation<Q, ?> operation, Q body, int code,
      String message) {
    Throwable error = catchThrowable(() -> request(operation, body));
    assertThat(error).isInstanceOf(ExecutionException.class);
    TributaryException te = BusFailures.fromReply(error.getCause());
    assertThat(te.code()).isEqualTo(code);
    assertThat(te.getMessage()).isEqualTo(message);
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
