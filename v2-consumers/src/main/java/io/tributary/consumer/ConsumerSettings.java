package io.tributary.consumer;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;

/** The engine-wide consumer settings, read once from the configuration. */
record ConsumerSettings(long instanceTimeoutMs, long requestTimeoutMs, long requestMaxBytes, int threads,
    int simplePoolMax, long simplePoolTimeoutMs, String serverId, int instancesMax) {

  static ConsumerSettings from(TributaryConfig config) {
    return new ConsumerSettings(config.get(ConfigKeys.CONSUMER_INSTANCE_TIMEOUT_MS),
        config.get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS), config.get(ConfigKeys.CONSUMER_REQUEST_MAX_BYTES),
        config.get(ConfigKeys.CONSUMER_THREADS), config.get(ConfigKeys.SIMPLECONSUMER_POOL_SIZE_MAX),
        config.get(ConfigKeys.SIMPLECONSUMER_POOL_TIMEOUT_MS), config.get(ConfigKeys.ID),
        config.get(ConfigKeys.CONSUMER_INSTANCES_MAX));
  }

  /** The byte cap of one read: the client's {@code max_bytes} can only lower the configured maximum. */
  long readBudget(Long requestedMaxBytes) {
    return requestedMaxBytes != null && requestedMaxBytes > 0
        ? Math.min(requestedMaxBytes, requestMaxBytes) : requestMaxBytes;
  }
}
