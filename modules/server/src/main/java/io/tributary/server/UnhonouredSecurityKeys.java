package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Security settings of a kafka-rest.properties file that Tributary does not honour. Each stops start-up with one
 * line naming the key and what to use instead: running with a security setting silently dropped (authentication
 * off although the file asked for it, say) would be the worst possible answer.
 */
final class UnhonouredSecurityKeys {
  /** Exact keys, with the advice given when one is set. */
  private static final Map<String, String> REFUSED = new LinkedHashMap<>();

  /** Key prefixes, with the advice given when a key starting with one is set. */
  private static final Map<String, String> REFUSED_PREFIXES = new LinkedHashMap<>();

  /**
   * {@code ssl.*} keys Tributary has no setting for, but whose value here changes nothing: the value is accepted
   * when it is one of these (compared case-insensitively), any other value is refused.
   */
  private static final Map<String, Set<String>> HARMLESS_SSL_VALUES = Map.of(
      "ssl.protocol", Set.of("tls", "tlsv1.2", "tlsv1.3"),
      "ssl.keymanager.algorithm", Set.of("", "sunx509", "pkix"),
      "ssl.trustmanager.algorithm", Set.of("", "pkix", "sunx509"),
      "ssl.endpoint.identification.algorithm", Set.of("", "https"),
      "ssl.provider", Set.of(""),
      "ssl.keystore.reload", Set.of("false"),
      "ssl.keystore.watch.location", Set.of(""));

  static {
    REFUSED.put("authentication.skip.paths", "Tributary has no unauthenticated paths but /health/*: remove the key,"
        + " or give the callers of those paths an API key (auth.api.keys.file)");
    REFUSED.put("kafka.rest.resource.extension.class", "Tributary loads no resource extensions (Confluent's security"
        + " plugins among them): use auth.api.keys.file, auth.jwt.* or authentication.method=BASIC with permissions"
        + " per principal");
    REFUSED.put("rest.servlet.initializor.classes", "Tributary runs no servlets: use auth.api.keys.file, auth.jwt.*"
        + " or authentication.method=BASIC");
    REFUSED.put("websocket.servlet.initializor.classes", "Tributary runs no servlets");
    REFUSED.put("public.key.path", "use auth.jwt.public.keys for the keys that sign accepted tokens");
    REFUSED.put("dos.filter.enabled", "use rate.limit.enable and rate.limit.permits.per.sec");
    REFUSED_PREFIXES.put("confluent.rest.auth.", "Tributary does not propagate request principals to Kafka: it"
        + " connects with its own client.* credentials and checks permissions per principal itself (auth.*)");
    REFUSED_PREFIXES.put("confluent.metadata.", "Confluent's RBAC is not supported: use permissions per principal"
        + " in auth.api.keys.file");
    REFUSED_PREFIXES.put("oauth.", "use auth.jwt.public.keys or auth.jwt.jwks.file (with auth.jwt.issuer and"
        + " auth.jwt.audience)");
  }

  private UnhonouredSecurityKeys() {}

  /** Throws, naming the first unhonoured security key (and its replacement), if the configuration sets one. */
  static void refuse(TributaryConfig config) {
    if ("BEARER".equals(config.get(ConfigKeys.AUTHENTICATION_METHOD))) {
      throw new ConfigException(ConfigKeys.AUTHENTICATION_METHOD.name(), "'BEARER' is not supported: use"
          + " auth.jwt.public.keys or auth.jwt.jwks.file (Tributary checks JWTs itself)");
    }
    for (Map.Entry<String, String> setting : config.asMap().entrySet()) {
      String key = setting.getKey();
      String advice = adviceFor(key, setting.getValue());
      if (advice != null) {
        throw new ConfigException(key, "is a kafka-rest security setting Tributary does not honour: " + advice);
      }
    }
  }

  private static String adviceFor(String key, String value) {
    if (REFUSED.containsKey(key) && !(key.equals("dos.filter.enabled") && "false".equalsIgnoreCase(value.trim()))) {
      return REFUSED.get(key);
    }
    for (Map.Entry<String, String> prefix : REFUSED_PREFIXES.entrySet()) {
      if (key.startsWith(prefix.getKey())) {
        return prefix.getValue();
      }
    }
    if (key.startsWith("ssl.") && !isOwnKey(key)) {
      Set<String> harmless = HARMLESS_SSL_VALUES.get(key);
      if (harmless == null || !harmless.contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
        return "the https:// listeners take ssl.keystore.*, ssl.key.password, ssl.truststore.*,"
            + " ssl.client.authentication, ssl.enabled.protocols and ssl.cipher.suites only";
      }
    }
    return null;
  }

  private static boolean isOwnKey(String key) {
    return ConfigKeys.ALL.stream().map(ConfigKey::name).anyMatch(key::equals);
  }
}
