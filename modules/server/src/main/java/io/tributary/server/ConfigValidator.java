package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks every known key at start-up (an invalid value stops the server with a message that names the key) and
 * lists the keys Tributary does not use, which the launcher logs as warnings: a kafka-rest.properties file carries
 * such keys ({@code zookeeper.connect}, {@code schema.registry.url} before the formats arrive…) and must still work.
 */
public final class ConfigValidator {
  /** kafka-rest keys that are accepted for compatibility but have no effect in Tributary. */
  static final Set<String> ACCEPTED_WITHOUT_EFFECT = Set.of("port", "zookeeper.connect", "producer.threads",
      "consumer.iterator.timeout.ms", "consumer.iterator.backoff.ms",
      "response.mediatype.default", "response.mediatype.preferred", "debug", "compression.enable",
      "api.v3.produce.response.thread.pool.size");

  private ConfigValidator() {}

  /** Validates and returns the unknown keys (to warn about). */
  public static List<String> validate(TributaryConfig config) {
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      config.get(key);
    }
    for (String listener : config.list(ConfigKeys.LISTENERS)) {
      checkListener(ConfigKeys.LISTENERS.name(), listener);
    }
    for (String listener : config.list(ConfigKeys.ADVERTISED_LISTENERS)) {
      checkUrl(ConfigKeys.ADVERTISED_LISTENERS.name(), listener);
    }
    if (config.list(ConfigKeys.LISTENERS).isEmpty()) {
      throw new ConfigException(ConfigKeys.LISTENERS.name(), "at least one listener is required");
    }
    List<String> unknown = new ArrayList<>();
    for (String key : config.asMap().keySet()) {
      boolean known = ConfigKeys.ALL.stream().anyMatch(k -> k.name().equals(key))
          || ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith);
      if (!known) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  static URI checkListener(String key, String listener) {
    URI uri = checkUrl(key, listener);
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new ConfigException(key, "'" + listener + "': only http:// listeners are supported so far");
    }
    if (uri.getPort() < 0) {
      throw new ConfigException(key, "'" + listener + "' has no port");
    }
    return uri;
  }

  private static URI checkUrl(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "'" + value + "' is not a URL like http://host:port");
    }
  }
}
