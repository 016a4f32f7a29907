package io.tributary.produce.eventstreams;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;

/** The REST producer's size limits: {@code max.key.size} and {@code max.message.size}, in bytes. */
record EventStreamsLimits(int maxKeyBytes, int maxMessageBytes) {
  static EventStreamsLimits from(TributaryConfig config) {
    return new EventStreamsLimits(config.get(ConfigKeys.MAX_KEY_SIZE), config.get(ConfigKeys.MAX_MESSAGE_SIZE));
  }
}
