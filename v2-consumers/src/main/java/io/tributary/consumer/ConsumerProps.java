package io.tributary.consumer;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.kafka.KafkaClientConfigs;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Kafka consumer properties for REST consumer instances and for the simple-read pool. */
final class ConsumerProps {
  private static final long DEFAULT_AUTO_COMMIT_INTERVAL_MS = 5_000;
  private static final AtomicInteger SIMPLE_IDS = new AtomicInteger();

  private ConsumerProps() {}

  /** The configured consumer properties plus the instance's group and creation options. */
  static Map<String, Object> forInstance(TributaryConfig config, CreateConsumer request) {
    return forInstance(config, request, null);
  }

  /**
   * As {@link #forInstance(TributaryConfig, CreateConsumer)}, as a static group member when {@code groupInstanceId}
   * is not null (cluster mode: {@link StaticMemberId}).
   */
  static Map<String, Object> forInstance(TributaryConfig config, CreateConsumer request, String groupInstanceId) {
    Map<String, Object> props = KafkaClientConfigs.consumer(config);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, request.group());
    // The instance commits returned offsets itself (see ConfinedConsumer); Kafka's auto-commit would also
    // commit records still waiting in the instance's buffer.
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    // Client telemetry (KIP-714) costs each Kafka client about 45 KiB of heap before it sends anything, a third of an
    // idle instance; thousands of instances pushing their metrics to the brokers would not help anyone either. Off
    // unless the operator says otherwise (consumer.enable.metrics.push=true).
    props.putIfAbsent(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
    if (request.autoOffsetReset() != null) {
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, request.autoOffsetReset());
    }
    if (request.clientId() != null) {
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, request.clientId());
    }
    if (groupInstanceId != null) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
    }
    return props;
  }

  /** How often an auto-committing instance commits: {@code consumer.auto.commit.interval.ms}, else Kafka's 5 s. */
  static long autoCommitIntervalMs(TributaryConfig config) {
    Object configured = KafkaClientConfigs.consumer(config).get(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG);
    try {
      return configured == null ? DEFAULT_AUTO_COMMIT_INTERVAL_MS : Long.parseLong(configured.toString().trim());
    } catch (NumberFormatException e) {
      return DEFAULT_AUTO_COMMIT_INTERVAL_MS;
    }
  }

  /** A group-less consumer for v1 simple partition reads: assign and seek only, never commits. */
  static Map<String, Object> forSimpleReads(TributaryConfig config, String serverId) {
    Map<String, Object> props = KafkaClientConfigs.consumer(config);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-simple-consumer-"
        + (serverId == null || serverId.isBlank() ? "" : serverId + "-") + SIMPLE_IDS.incrementAndGet());
    return props;
  }
}
