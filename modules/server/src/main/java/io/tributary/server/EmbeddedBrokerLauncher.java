package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;

/** Starts the embedded broker from the {@code embedded.kafka.*} keys; a failure names the key at fault. */
final class EmbeddedBrokerLauncher {
  private EmbeddedBrokerLauncher() {}

  static EmbeddedKafkaBroker start(TributaryConfig config) {
    try {
      return EmbeddedKafkaBroker.start(Path.of(config.get(ConfigKeys.EMBEDDED_KAFKA_DIR)),
          config.get(ConfigKeys.EMBEDDED_KAFKA_PORT), config.get(ConfigKeys.EMBEDDED_KAFKA_CONTROLLER_PORT),
          config.withPrefix("embedded.kafka.broker."));
    } catch (EmbeddedKafkaBroker.StartFailure e) {
      throw new ConfigException(key(e.setting()).name(), e.getMessage(), e);
    }
  }

  private static ConfigKey<?> key(EmbeddedKafkaBroker.StartFailure.Setting setting) {
    return switch (setting) {
      case PORT -> ConfigKeys.EMBEDDED_KAFKA_PORT;
      case CONTROLLER_PORT -> ConfigKeys.EMBEDDED_KAFKA_CONTROLLER_PORT;
      case DATA_DIR -> ConfigKeys.EMBEDDED_KAFKA_DIR;
    };
  }
}
