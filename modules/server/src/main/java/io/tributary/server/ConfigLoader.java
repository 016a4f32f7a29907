package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration: a kafka-rest style properties file, then environment variables
 * {@code KAFKA_REST_<KEY>} (upper case, dots as underscores) that override it. The Event Streams REST producer's
 * own variables {@code MAX_KEY_SIZE} and {@code MAX_MESSAGE_SIZE} set {@code max.key.size} and
 * {@code max.message.size} (between the file and the {@code KAFKA_REST_} variables), so that an Event Streams
 * operator's settings carry over.
 */
public final class ConfigLoader {
  static final String ENV_PREFIX = "KAFKA_REST_";
  private static final Map<String, String> EVENT_STREAMS_ENV = Map.of(
      "MAX_KEY_SIZE", ConfigKeys.MAX_KEY_SIZE.name(), "MAX_MESSAGE_SIZE", ConfigKeys.MAX_MESSAGE_SIZE.name());

  private ConfigLoader() {}

  public static TributaryConfig load(Path file, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    if (file != null) {
      values.putAll(readProperties(file));
    }
    EVENT_STREAMS_ENV.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null) {
        values.put(key, value);
      }
    });
    values.putAll(fromEnvironment(environment));
    return new TributaryConfig(values);
  }

  static Map<String, String> readProperties(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
    return out;
  }

  /** {@code KAFKA_REST_CONSUMER_REQUEST_TIMEOUT_MS=5000} becomes {@code consumer.request.timeout.ms=5000}. */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> out = new HashMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        out.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return out;
  }
}
