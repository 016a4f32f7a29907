package io.tributary.formats.registry.client;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach a remote registry, from {@code schema.registry.url} and the {@code schema.registry.*} settings, named
 * as kafka-rest passes them to Confluent's client: {@code basic.auth.credentials.source} ({@code URL} or
 * {@code USER_INFO}) with {@code basic.auth.user.info}, {@code bearer.auth.token}, {@code ssl.truststore.*},
 * {@code ssl.keystore.*}, {@code ssl.endpoint.identification.algorithm}, {@code http.connect.timeout.ms},
 * {@code http.read.timeout.ms}, {@code latest.cache.ttl.sec}. Invalid values stop start-up naming the key.
 *
 * @param urls the registry URLs, credentials removed; tried in order when one cannot be reached
 * @param authorization the {@code Authorization} header value, or null
 * @param latestTtlMs how long a "latest version" answer is reused
 */
public record RegistryClientSettings(List<URI> urls, String authorization, WebClientOptions options,
    long readTimeoutMs, long latestTtlMs) {

  static final String PREFIX = "schema.registry.";
  private static final long DEFAULT_TIMEOUT_MS = 10_000;
  private static final long DEFAULT_LATEST_TTL_SEC = 60;

  public RegistryClientSettings {
    urls = List.copyOf(urls);
  }

  public static RegistryClientSettings from(TributaryConfig config) {
    Map<String, String> s = config.withPrefix(PREFIX);
    List<URI> raw = urls(config);
    String authorization = authorization(s, raw);
    long connectMs = positive(s, "http.connect.timeout.ms", DEFAULT_TIMEOUT_MS);
    long readMs = positive(s, "http.read.timeout.ms", DEFAULT_TIMEOUT_MS);
    long ttlSec = longValue(s, "latest.cache.ttl.sec", DEFAULT_LATEST_TTL_SEC);
    WebClientOptions options = new WebClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectMs))
        .setUserAgentEnabled(true).setUserAgent("tributary");
    tls(s, options);
    return new RegistryClientSettings(raw.stream().map(RegistryClientSettings::withoutUserInfo).toList(),
        authorization, options, readMs, ttlSec < 0 ? Long.MAX_VALUE : ttlSec * 1000);
  }

  private static List<URI> urls(TributaryConfig config) {
    List<URI> out = new ArrayList<>();
    for (String url : config.list(ConfigKeys.SCHEMA_REGISTRY_URL)) {
      try {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
            || "https".equalsIgnoreCase(uri.getScheme()))) {
          throw new IllegalArgumentException();
        }
        out.add(uri);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(ConfigKeys.SCHEMA_REGISTRY_URL.name(), "'" + url + "' is not an http(s) URL");
      }
    }
    return out;
  }

  private static String authorization(Map<String, String> s, List<URI> urls) {
    String token = s.getOrDefault("bearer.auth.token", "").trim();
    String bearerSource = s.getOrDefault("bearer.auth.credentials.source", "STATIC_TOKEN").trim();
    if (!"STATIC_TOKEN".equalsIgnoreCase(bearerSource)) {
      throw new ConfigException(PREFIX + "bearer.auth.credentials.source",
          "'" + bearerSource + "' is not supported; use STATIC_TOKEN with bearer.auth.token");
    }
    String basicSource = s.getOrDefault("basic.auth.credentials.source", "URL").trim().toUpperCase(Locale.ROOT);
    String userInfo = switch (basicSource) {
      case "USER_INFO" -> {
        String info = s.getOrDefault("basic.auth.user.info", "");
        if (!info.contains(":")) {
          throw new ConfigException(PREFIX + "basic.auth.user.info", "must be user:password when "
              + PREFIX + "basic.auth.credentials.source is USER_INFO");
        }
        yield info;
      }
      case "URL" -> urls.stream().map(URI::getRawUserInfo).filter(u -> u != null && !u.isEmpty()).findFirst()
          .map(u -> URLDecoder.decode(u, StandardCharsets.UTF_8)).orElse(null);
      default -> throw new ConfigException(PREFIX + "basic.auth.credentials.source",
          "'" + basicSource + "' is not one of URL, USER_INFO");
    };
    if (!token.isEmpty() && userInfo != null) {
      throw new ConfigException(PREFIX + "bearer.auth.token", "set either basic or bearer authentication, not both");
    }
    if (!token.isEmpty()) {
      return "Bearer " + token;
    }
    return userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static void tls(Map<String, String> s, WebClientOptions options) {
    TrustOptions trust = store(s, "ssl.truststore.", true);
    if (trust != null) {
      options.setTrustOptions(trust);
    }
    Object key = store(s, "ssl.keystore.", false);
    if (key != null) {
      options.setKeyCertOptions((KeyCertOptions) key);
    }
    String algorithm = s.get("ssl.endpoint.identification.algorithm");
    options.setVerifyHost(algorithm == null || !algorithm.isBlank());
  }

  /**
   * A trust store (JKS, PKCS12 or PEM) or key store (JKS or PKCS12) from {@code <prefix>location/password/type};
   * null when unset.
   */
  private static <T> T store(Map<String, String> s, String prefix, boolean trust) {
    String location = s.getOrDefault(prefix + "location", "").trim();
    if (location.isEmpty()) {
      return null;
    }
    String password = s.get(prefix + "password");
    String type = s.getOrDefault(prefix + "type", "JKS").trim().toUpperCase(Locale.ROOT);
    Object options = switch (type) {
      case "JKS" -> new JksOptions().setPath(location).setPassword(password);
      case "PKCS12" -> new PfxOptions().setPath(location).setPassword(password);
      case "PEM" -> {
        if (!trust) {
          throw new ConfigException(PREFIX + prefix + "type", "PEM key stores are not supported; use JKS or PKCS12");
        }
        yield new PemTrustOptions().addCertPath(location);
      }
      default -> throw new ConfigException(PREFIX + prefix + "type", "'" + type + "' is not one of JKS, PKCS12, PEM");
    };
    @SuppressWarnings("unchecked")
    T typed = (T) options;
    return typed;
  }

  private static long positive(Map<String, String> s, String key, long def) {
    long v = longValue(s, key, def);
    if (v <= 0) {
      throw new ConfigException(PREFIX + key, "'" + v + "' is not a positive number of milliseconds");
    }
    return v;
  }

  private static long longValue(Map<String, String> s, String key, long def) {
    String raw = s.get(key);
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(PREFIX + key, "'" + raw + "' is not an integer");
    }
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      return uri;
    }
  }
}
