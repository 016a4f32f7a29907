package io.tributary.core.produce;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;

/**
 * The one rule for topics that no client may write through the proxy: Kafka's own internal topics (every name
 * starting with {@code __}, such as {@code __consumer_offsets} and {@code __transaction_state}) and the schema
 * registry's storage topic ({@code embedded.schema.registry.topic}). A record there would corrupt committed offsets,
 * transactions or the registry's schemas. Every produce route consults this (through the HTTP layer's produce
 * permission check) before it converts or sends anything, and the produce engine once more before it looks the topic
 * up; the embedded registry writes its topic with a producer of its own and is not affected.
 *
 * @param registryTopic the schema registry's storage topic
 */
public record InternalTopics(String registryTopic) {
  private static final String KAFKA_INTERNAL_PREFIX = "__";

  /** The internal topics of this configuration. */
  public static InternalTopics from(TributaryConfig config) {
    return new InternalTopics(config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC));
  }

  /** Whether {@code topic} is internal and so not writable through the proxy. */
  public boolean isInternal(String topic) {
    return topic.startsWith(KAFKA_INTERNAL_PREFIX) || topic.equals(registryTopic);
  }

  /** The 403 (40301) a write to the internal {@code topic} is refused with. */
  public TributaryException refusal(String topic) {
    return ErrorCode.FORBIDDEN.toException("Topic " + topic + " is internal (Kafka's or the schema registry's):"
        + " it cannot be written through the REST proxy.");
  }
}
