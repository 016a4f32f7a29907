package io.tributary.formats.registry.embedded;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.kafka.KafkaClientConfigs;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Creates the {@link SchemaStore}'s Kafka clients for one registry topic: an admin client to prepare the topic, a
 * read_committed reader, and the transactional writer whose id every instance shares. Tests substitute clients that
 * fail on cue by overriding a factory method.
 */
class StoreClients {
  private final Map<String, Object> adminProps;
  private final Map<String, Object> consumerProps;
  private final Map<String, Object> producerProps;

  StoreClients(TributaryConfig config, String topic) {
    String id = config.get(ConfigKeys.ID);
    String suffix = id.isBlank() ? "" : "-" + id;
    this.adminProps = KafkaClientConfigs.admin(config);
    this.consumerProps = consumerProps(config, "tributary-schema-store-reader" + suffix);
    this.producerProps = producerProps(config, topic, "tributary-schema-store-producer" + suffix);
  }

  Admin admin() {
    return Admin.create(adminProps);
  }

  Consumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(consumerProps);
  }

  Producer<byte[], byte[]> producer() {
    return new KafkaProducer<>(producerProps);
  }

  /** The writer's settings, for a test's substitute producer. */
  final Map<String, Object> producerProps() {
    return Map.copyOf(producerProps);
  }

  private static Map<String, Object> producerProps(TributaryConfig config, String topic, String clientId) {
    Map<String, Object> props = KafkaClientConfigs.producer(config);
    // One transactional id for every instance on this topic: initialising it fences the others (see SchemaStore).
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tributary-schema-registry-" + topic);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
    return props;
  }

  private static Map<String, Object> consumerProps(TributaryConfig config, String clientId) {
    Map<String, Object> props = KafkaClientConfigs.consumer(config);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    // Reads poll only until they reach the end; a fetch parked at the broker for the default 500 ms (say, behind
    // a transaction marker that carries no records) would make every registry request that slow.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    return props;
  }
}
