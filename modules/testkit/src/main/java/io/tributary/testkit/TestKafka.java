package io.tributary.testkit;

import io.tributary.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The real Kafka broker the tests talk to, started once per test JVM: the cluster named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} when that is set, otherwise an embedded single-node KRaft broker in a
 * temporary directory. Never a mock.
 */
public final class TestKafka {
  /**
   * The test broker runs KRaft's ACL authorizer so that ACL endpoints can be tested. Every client of the tests
   * connects over PLAINTEXT as User:ANONYMOUS, a super user, so ACLs created by tests never get in their way.
   */
  static final Map<String, String> BROKER_OVERRIDES = Map.of(
      "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
      "super.users", "User:ANONYMOUS",
      "allow.everyone.if.no.acl.found", "true",
      // Tests write records with fixed timestamps years in the past; time-based retention would delete them at the
      // broker's first retention check (30 s after start) and later reads would find an empty log. Postponing the
      // check (rather than changing retention.ms) keeps every topic config at its default for the v3 config tests.
      "log.initial.task.delay.ms", "86400000",
      "log.retention.check.interval.ms", "86400000");

  private static String bootstrap;
  private static Admin admin;

  private TestKafka() {}

  public static synchronized String bootstrapServers() {
    if (bootstrap == null) {
      String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
      if (external != null && !external.isBlank()) {
        bootstrap = external;
      } else {
        bootstrap = startEmbedded();
      }
    }
    return bootstrap;
  }

  private static String startEmbedded() {
    try {
      Path dir = Files.createTempDirectory("tributary-test-kafka");
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, BROKER_OVERRIDES);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        closeAdmin();
        broker.close();
        deleteQuietly(dir);
      }, "test-kafka-shutdown"));
      return broker.bootstrapServers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
    return admin;
  }

  private static synchronized void closeAdmin() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }

  /** A topic name no other test uses. */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a topic and waits until it exists: every partition is visible in metadata with a leader. */
  public static String createTopic(String name, int partitions) {
    try {
      admin().createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      awaitLeaders(name, partitions, Duration.ofSeconds(30));
      return name;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create topic " + name, e);
    }
  }

  // createTopics completes when the controller has committed the topic; the broker that answers metadata requests
  // learns of it a moment later, so a test describing or producing at once could see "unknown topic" or no leader.
  private static void awaitLeaders(String topic, int partitions, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        var description = admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
            .get(topic);
        if (description.partitions().size() == partitions
            && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          awaitServingLeaders(topic, partitions);
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Topic " + topic + " has no leader for every partition after " + timeout);
      }
      Thread.sleep(50);
    }
  }

  // Metadata names a leader a moment before that broker serves the partition. A produce in between gets
  // NOT_LEADER_OR_FOLLOWER, and an idempotent producer with several batches in flight can then retry the first batch
  // for ever with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-14359). ListOffsets is answered by the serving leader only (the
  // admin client retries until it is), so once it answers, the first produce cannot meet that window.
  private static void awaitServingLeaders(String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS);
  }

  /** A native consumer with no group, for checking what landed in Kafka. */
  public static KafkaConsumer<byte[], byte[]> nativeConsumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p);
  }

  /**
   * Reads every record of the topic's partitions from the beginning until {@code expected} records have arrived or
   * the timeout passes, with a native consumer.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = nativeConsumer()) {
      Collection<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  /** Kafka's own view of a group's committed offset for a partition, or -1 when none. */
  public static long committedOffset(String group, String topic, int partition) {
    try {
      var offsets = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      var meta = offsets.get(new TopicPartition(topic, partition));
      return meta == null ? -1 : meta.offset();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
