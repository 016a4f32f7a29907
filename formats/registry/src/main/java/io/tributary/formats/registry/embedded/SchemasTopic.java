package io.tributary.formats.registry.embedded;

import io.tributary.core.config.ConfigKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the registry's topic exists with the shape its ordering guarantees depend on: exactly one partition
 * (one total order of registrations) and compaction (the latest record per key is the state). Runs at start-up,
 * blocking, on the store's thread. Kafka's failures come out as they are (the store retries them); a topic of the
 * wrong shape is {@link Misconfigured}, which no retry can fix.
 */
final class SchemasTopic {
  private static final Logger LOG = LoggerFactory.getLogger(SchemasTopic.class);
  private static final long TIMEOUT_MS = 15_000;
  private static final int PREFERRED_REPLICATION = 3;

  private SchemasTopic() {}

  /** An existing topic that the registry must not use: its ordering or retention guarantees would not hold. */
  static final class Misconfigured extends RuntimeException {
    private static final long serialVersionUID = 1L;
    Misconfigured(String message) {
      super(message, null, false, false);
    }
  }

  static void ensure(Admin admin, String topic) throws InterruptedException {
    try {
      TopicDescription description = describe(admin, topic);
      if (description == null) {
        create(admin, topic);
        description = awaitCreated(admin, topic);
      }
      check(admin, topic, description);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw cause instanceof KafkaException ke ? ke : new KafkaException(cause);
    } catch (TimeoutException e) {
      throw new org.apache.kafka.common.errors.TimeoutException("Kafka did not answer within " + TIMEOUT_MS
          + " ms while preparing " + topic);
    }
  }

  private static TopicDescription describe(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  /**
   * createTopics completes once the controller has the topic; the broker that answers a describe may learn of it a
   * moment later.
   */
  private static TopicDescription awaitCreated(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    while (true) {
      TopicDescription description = describe(admin, topic);
      if (description != null) {
        return description;
      }
      if (System.nanoTime() > deadline) {
        throw new KafkaException("The schema registry topic " + topic + " is not visible " + TIMEOUT_MS
            + " ms after creating it");
      }
      Thread.sleep(50);
    }
  }

  private static void create(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    int brokers = admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    short replication = (short) Math.max(1, Math.min(PREFERRED_REPLICATION, brokers));
    NewTopic newTopic = new NewTopic(topic, 1, replication)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      LOG.info("Created the schema registry topic {} (1 partition, compacted, replication factor {})", topic,
          replication);
    } catch (ExecutionException e) {
      // Another Tributary instance may have created it a moment ago; that is just as good.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void check(Admin admin, String topic, TopicDescription description)
      throws InterruptedException, ExecutionException, TimeoutException {
    int partitions = description.partitions().size();
    if (partitions != 1) {
      throw new Misconfigured("The schema registry topic " + topic + " has " + partitions
          + " partitions; it must have exactly 1 so that every instance sees registrations in one order ("
          + ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC.name() + ")");
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .get(resource);
    var policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)
        || policy.value().contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
      throw new Misconfigured("The schema registry topic " + topic + " must have cleanup.policy=compact"
          + " (it has " + (policy == null ? "none" : policy.value()) + "), or old schemas would expire ("
          + ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC.name() + ")");
    }
  }
}
