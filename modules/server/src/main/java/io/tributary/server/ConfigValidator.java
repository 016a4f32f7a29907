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
      "rate.limit.default.cost", "rate.limit.costs",
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
    checkTls(config);
    UnhonouredSecurityKeys.refuse(config);
    CorsSettings.fromConfig(config);
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

  /** An https:// listener needs a key store; asking clients for certificates needs something to trust. */
  private static void checkTls(TributaryConfig config) {
    boolean https = config.list(ConfigKeys.LISTENERS).stream()
        .anyMatch(l -> "https".equalsIgnoreCase(URI.create(l).getScheme()));
    if (https && config.get(ConfigKeys.SSL_KEYSTORE_LOCATION).isBlank()) {
      throw new ConfigException(ConfigKeys.SSL_KEYSTORE_LOCATION.name(),
          "an https:// listener needs the server's key and certificate: set ssl.keystore.location");
    }
    boolean asksForCertificates = !"NONE".equals(ServerTls.clientAuthentication(config));
    boolean trustsSomething = !config.get(ConfigKeys.SSL_TRUSTSTORE_LOCATION).isBlank()
        || !config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_CERT).isBlank()
        || !config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_DIR).isBlank();
    if (https && asksForCertificates && !trustsSomething) {
      throw new ConfigException(ConfigKeys.SSL_CLIENT_AUTHENTICATION.name(), "client certificates need a CA to"
          + " check them against: set ssl.truststore.location or auth.clientauth.ca.cert / auth.clientauth.ca.dir");
    }
    if (config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_CERT).isBlank()
        != config.get(ConfigKeys.AUTH_CLIENTAUTH_CA_KEY).isBlank()) {
      throw new ConfigException(ConfigKeys.AUTH_CLIENTAUTH_CA_CERT.name(),
          "auth.clientauth.ca.cert and auth.clientauth.ca.key go together");
    }
  }

  static URI checkListener(String key, String listener) {
    URI uri = checkUrl(key, listener);
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new ConfigException(key, "'" + listener + "': listeners are http://host:port or https://host:port");
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
