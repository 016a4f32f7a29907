package io.tributary.kafka;

import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds Kafka client properties the way kafka-rest does: {@code bootstrap.servers}, then {@code client.*}, then
 * the client type's own prefix ({@code producer.*}, {@code consumer.*}, {@code admin.*}), prefixes stripped; then
 * the settings Tributary's guarantees depend on, which configuration cannot override.
 */
public final class KafkaClientConfigs {
  private static final Set<String> OWN_KEYS =
      ConfigKeys.ALL.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());

  private KafkaClientConfigs() {}

  public static Map<String, Object> producer(TributaryConfig config) {
    Map<String, Object> props = base(config, "producer.");
    // A produce is acknowledged only after every in-sync replica has it, and retries never duplicate.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId(config, "producer"));
    return props;
  }

  public static Map<String, Object> consumer(TributaryConfig config) {
    Map<String, Object> props = base(config, "consumer.");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }

  public static Map<String, Object> admin(TributaryConfig config) {
    Map<String, Object> props = base(config, "admin.");
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId(config, "admin"));
    return props;
  }

  private static Map<String, Object> base(TributaryConfig config, String typePrefix) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConfigKeys.BOOTSTRAP_SERVERS));
    props.putAll(config.withPrefix("client."));
    config.withPrefix(typePrefix).forEach((key, value) -> {
      // Tributary's own keys share the prefix (consumer.request.timeout.ms is the proxy's read wait); passing
      // them on would, for example, turn that into the Kafka client's request.timeout.ms.
      if (!OWN_KEYS.contains(typePrefix + key)) {
        props.put(key, value);
      }
    });
    return props;
  }

  private static String clientId(TributaryConfig config, String role) {
    String id = config.get(ConfigKeys.ID);
    return "tributary-" + role + (id.isBlank() ? "" : "-" + id);
  }
}
