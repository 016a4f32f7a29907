package io.tributary.formats.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.TributaryConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientSettingsTest {
  @Test
  void userInfoBecomesABasicAuthorizationHeader() {
    RegistryClientSettings s = settings(Map.of("schema.registry.url", "http://sr:8081/",
        "schema.registry.basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", "alice:pa:ss"));

    assertThat(s.urls()).containsExactly(URI.create("http://sr:8081"));
    assertThat(s.authorization()).isEqualTo("Basic " + base64("alice:pa:ss"));
    assertThat(s.readTimeoutMs()).isEqualTo(10_000);
    assertThat(s.latestTtlMs()).isEqualTo(60_000);
  }

  @Test
  void credentialsInTheUrlAreUsedAndRemovedFromIt() {
    RegistryClientSettings s = settings(Map.of("schema.registry.url", "https://bob:secret@sr.example:443/base,"
        + "https://sr2.example"));

    assertThat(s.urls()).containsExactly(URI.create("https://sr.example:443/base"), URI.create("https://sr2.example"));
    assertThat(s.authorization()).isEqualTo("Basic " + base64("bob:secret"));
  }

  @Test
  void aStaticTokenBecomesABearerHeaderAndTimeoutsAreConfigurable() {
    RegistryClientSettings s = settings(Map.of("schema.registry.url", "http://sr:8081",
        "schema.registry.bearer.auth.token", "abc", "schema.registry.http.read.timeout.ms", "2500",
        "schema.registry.latest.cache.ttl.sec", "-1"));

    assertThat(s.authorization()).isEqualTo("Bearer abc");
    assertThat(s.readTimeoutMs()).isEqualTo(2_500);
    assertThat(s.latestTtlMs()).isEqualTo(Long.MAX_VALUE);
    assertThat(settings(Map.of("schema.registry.url", "http://sr:8081")).authorization()).isNull();
  }

  @Test
  void invalidSettingsNameTheirKey() {
    assertRejected(Map.of("schema.registry.url", "sr:8081"), "schema.registry.url");
    assertRejected(Map.of("schema.registry.url", "http://sr", "schema.registry.basic.auth.credentials.source",
        "SASL_INHERIT"), "schema.registry.basic.auth.credentials.source");
    assertRejected(Map.of("schema.registry.url", "http://sr", "schema.registry.basic.auth.credentials.source",
        "USER_INFO"), "schema.registry.basic.auth.user.info");
    assertRejected(Map.of("schema.registry.url", "http://u:p@sr", "schema.registry.bearer.auth.token", "t"),
        "schema.registry.bearer.auth.token");
    assertRejected(Map.of("schema.registry.url", "http://sr", "schema.registry.http.connect.timeout.ms", "0"),
        "schema.registry.http.connect.timeout.ms");
    assertRejected(Map.of("schema.registry.url", "http://sr", "schema.registry.ssl.truststore.location", "/x",
        "schema.registry.ssl.truststore.type", "BKS"), "schema.registry.ssl.truststore.type");
  }

  private static void assertRejected(Map<String, String> config, String key) {
    assertThatThrownBy(() -> settings(config)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.key()).isEqualTo(key));
  }

  private static RegistryClientSettings settings(Map<String, String> config) {
    return RegistryClientSettings.from(new TributaryConfig(config));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
