package io.tributary.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TributaryConfigTest {
  @Test
  void defaultsApplyWhenAKeyIsAbsent() {
    TributaryConfig c = TributaryConfig.empty();
    assertThat(c.get(ConfigKeys.LISTENERS)).isEqualTo("http://0.0.0.0:8082");
    assertThat(c.get(ConfigKeys.CONSUMER_INSTANCE_TIMEOUT_MS)).isEqualTo(300_000L);
    assertThat(c.get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS)).isEqualTo(1_000L);
  }

  @Test
  void invalidValuesNameTheirKey() {
    TributaryConfig c = new TributaryConfig(Map.of("consumer.request.timeout.ms", "soon"));
    assertThatThrownBy(() -> c.get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("consumer.request.timeout.ms")
        .hasMessageContaining("soon");
    TributaryConfig range = new TributaryConfig(Map.of("embedded.kafka.port", "70000"));
    assertThatThrownBy(() -> range.get(ConfigKeys.EMBEDDED_KAFKA_PORT)).hasMessageContaining("embedded.kafka.port");
    TributaryConfig choice = new TributaryConfig(Map.of("api.default.version", "v9"));
    assertThatThrownBy(() -> choice.get(ConfigKeys.API_DEFAULT_VERSION)).hasMessageContaining("api.default.version");
  }

  @Test
  void prefixedKeysPassThroughStripped() {
    TributaryConfig c = new TributaryConfig(Map.of("producer.linger.ms", "5", "client.security.protocol", "SSL",
        "consumer.max.poll.records", "10"));
    assertThat(c.withPrefix("producer.")).containsExactly(Map.entry("linger.ms", "5"));
    assertThat(c.withPrefix("client.")).containsExactly(Map.entry("security.protocol", "SSL"));
  }

  @Test
  void listsAreTrimmedAndSkipEmptyItems() {
    TributaryConfig c = new TributaryConfig(Map.of("listeners", " http://a:1 , ,http://b:2"));
    assertThat(c.list(ConfigKeys.LISTENERS)).containsExactly("http://a:1", "http://b:2");
  }
}
