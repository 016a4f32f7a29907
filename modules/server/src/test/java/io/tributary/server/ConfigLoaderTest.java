package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void environmentOverridesTheFileUsingTheKafkaRestConvention() throws Exception {
    Path file = dir.resolve("kafka-rest.properties");
    Files.writeString(file, """
        listeners=http://0.0.0.0:9000
        consumer.request.timeout.ms=2000
        zookeeper.connect=localhost:2181
        """);
    TributaryConfig c = ConfigLoader.load(file, Map.of("KAFKA_REST_CONSUMER_REQUEST_TIMEOUT_MS", "5000",
        "KAFKA_REST_BOOTSTRAP_SERVERS", "kafka:9092", "PATH", "/usr/bin"));
    assertThat(c.get(ConfigKeys.LISTENERS)).isEqualTo("http://0.0.0.0:9000");
    assertThat(c.get(ConfigKeys.CONSUMER_REQUEST_TIMEOUT_MS)).isEqualTo(5000L);
    assertThat(c.get(ConfigKeys.BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
    assertThat(c.raw("path")).isNull();
  }

  @Test
  void unknownKeysAreReportedNotFatal() {
    TributaryConfig c = new TributaryConfig(Map.of("zookeeper.connect", "zk:2181", "no.such.key", "1",
        "producer.linger.ms", "5"));
    assertThat(ConfigValidator.validate(c)).containsExactlyInAnyOrder("zookeeper.connect", "no.such.key");
  }

  @Test
  void invalidValuesStopStartUpNamingTheKey() {
    assertThatThrownBy(() -> ConfigValidator.validate(new TributaryConfig(Map.of("consumer.instance.timeout.ms",
        "-5")))).isInstanceOf(ConfigException.class).hasMessageContaining("consumer.instance.timeout.ms");
    assertThatThrownBy(() -> ConfigValidator.validate(new TributaryConfig(Map.of("listeners", "localhost"))))
        .hasMessageContaining("listeners");
    assertThatThrownBy(() -> ConfigValidator.validate(new TributaryConfig(Map.of("listeners",
        "ftp://0.0.0.0:21")))).hasMessageContaining("listeners");
  }

  @Test
  void aMissingFileIsAConfigurationError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.properties"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("absent.properties");
  }
}
