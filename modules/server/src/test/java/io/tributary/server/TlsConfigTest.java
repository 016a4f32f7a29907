package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.testkit.TestPki;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks of the TLS settings: what is missing or wrong is named before anything listens. */
class TlsConfigTest {
  @TempDir
  Path dir;

  private static TributaryConfig config(Map<String, String> values) {
    return new TributaryConfig(values);
  }

  @Test
  void anHttpsListenerNeedsAKeyStore() {
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of("listeners", "https://0.0.0.0:8443"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ssl.keystore.location");
  }

  @Test
  void askingForClientCertificatesNeedsSomethingToTrust() {
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of("listeners", "https://0.0.0.0:8443",
        "ssl.keystore.location", "/x.p12", "ssl.client.authentication", "REQUIRED"))))
        .hasMessageContaining("ssl.client.authentication");
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of("ssl.client.authentication", "MAYBE"))))
        .hasMessageContaining("ssl.client.authentication");
  }

  @Test
  void aJksKeyStoreLoadsAndAWrongPasswordIsNamed() {
    TestPki.Issued ca = TestPki.ca("ca");
    Path jks = TestPki.keyStore(dir.resolve("server.jks"), "JKS", "storepass", TestPki.server(ca), ca);

    ServerTls tls = ServerTls.load(config(Map.of("ssl.keystore.location", jks.toString(), "ssl.keystore.type", "JKS",
        "ssl.keystore.password", "storepass", "ssl.enabled.protocols", "TLSv1.3")), null);
    HttpServerOptions options = tls.apply(new HttpServerOptions());

    assertThat(options.isSsl()).isTrue();
    assertThat(options.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.3");
    assertThatThrownBy(() -> ServerTls.load(config(Map.of("ssl.keystore.location", jks.toString(),
        "ssl.keystore.type", "JKS", "ssl.keystore.password", "wrong")), null))
        .isInstanceOf(ConfigException.class).hasMessageContaining(ConfigKeys.SSL_KEYSTORE_LOCATION.name())
        .hasMessageNotContaining("wrong");
  }

  @Test
  void eventStreamsSizeVariablesSetTheLimitsAndKafkaRestVariablesWin() {
    TributaryConfig fromEs = ConfigLoader.load(null, Map.of("MAX_KEY_SIZE", "100", "MAX_MESSAGE_SIZE", "2000"));
    TributaryConfig both = ConfigLoader.load(null, Map.of("MAX_KEY_SIZE", "100", "KAFKA_REST_MAX_KEY_SIZE", "7"));

    assertThat(fromEs.get(ConfigKeys.MAX_KEY_SIZE)).isEqualTo(100);
    assertThat(fromEs.get(ConfigKeys.MAX_MESSAGE_SIZE)).isEqualTo(2000);
    assertThat(both.get(ConfigKeys.MAX_KEY_SIZE)).isEqualTo(7);
    assertThat(TributaryConfig.empty().get(ConfigKeys.MAX_KEY_SIZE)).isEqualTo(4096);
    assertThat(TributaryConfig.empty().get(ConfigKeys.MAX_MESSAGE_SIZE)).isEqualTo(65536);
  }
}
