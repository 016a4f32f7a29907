package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.tributary.core.bus.BusWireCodec;
import io.tributary.core.config.ConfigException;
import io.tributary.core.config.TributaryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster keys: when a node runs alone, the Hazelcast configuration they make, and the settings refused. */
class ClusterSettingsTest {
  private static final String KAFKA = "kafka-1:9092";

  @TempDir
  Path dir;

  @Test
  void withoutMembersOrAFileTheNodeRunsAlone() {
    assertThat(settings(Map.of()).clustered()).isFalse();
    assertThat(settings(Map.of("bootstrap.servers", KAFKA, "cluster.name", "x")).clustered()).isFalse();
    assertThat(settings(Map.of("rate.limit.backend", "guava")).rateLimitCountedInCluster())
        .as("kafka-rest's in-process backends count per node").isFalse();
  }

  @Test
  void theKeysMakeATcpIpClusterOnTheNodesAddressWithNothingElseSwitchedOn() {
    Config config = settings(Map.of("bootstrap.servers", KAFKA, "cluster.members", "10.0.0.2:5801, 10.0.0.3:5801",
        "cluster.host", "10.0.0.1", "cluster.port", "5801", "cluster.name", "orders")).hazelcastConfig();

    assertThat(config.getClusterName()).isEqualTo("orders");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getNetworkConfig().getPublicAddress()).isEqualTo("10.0.0.1:5801");
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.2:5801", "10.0.0.3:5801");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertCommonSettings(config);
  }

  @Test
  void theDefaultsAreLoopbackPort5701AndTheNameTributary() {
    ClusterSettings settings = settings(Map.of("bootstrap.servers", KAFKA, "cluster.members", "127.0.0.1:5702"));
    Config config = settings.hazelcastConfig();
    assertThat(settings.clustered()).isTrue();
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5701);
    assertThat(config.getClusterName()).isEqualTo("tributary");
    assertThat(settings.rateLimitCountedInCluster()).isFalse();
  }

  @Test
  void aConfigurationFileReplacesTheKeysButKeepsTheWireVersionAndNoPhoneHome() throws IOException {
    Path file = Files.writeString(dir.resolve("hazelcast.yaml"), """
        hazelcast:
          cluster-name: from-file
          network:
            port:
              port: 6100
        """);
    ClusterSettings settings = settings(Map.of("bootstrap.servers", KAFKA, "cluster.config.file", file.toString(),
        "cluster.name", "ignored", "cluster.port", "5999"));
    Config config = settings.hazelcastConfig();
    assertThat(settings.clustered()).isTrue();
    assertThat(config.getClusterName()).isEqualTo("from-file");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(6100);
    assertCommonSettings(config);
  }

  @Test
  void clusterModeIsRefusedWithTheEmbeddedBroker() {
    assertRefused(Map.of("cluster.members", "127.0.0.1:5702"), "bootstrap.servers", "embedded broker");
    assertRefused(Map.of("cluster.config.file", "/nowhere.yaml"), "bootstrap.servers", "embedded broker");
  }

  @Test
  void theStartRefusesClusterModeWithTheEmbeddedBrokerBeforeStartingAnything() {
    int http = TestServer.freePort();
    Map<String, String> values = Map.of("listeners", "http://127.0.0.1:" + http,
        "embedded.schema.registry.listener", "http://127.0.0.1:" + TestServer.freePort(),
        "embedded.kafka.dir", dir.resolve("kafka").toString(), "cluster.members", "127.0.0.1:5702");
    assertThatThrownBy(() -> TributaryServer.start(new TributaryConfig(values)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
    assertThat(dir.resolve("kafka")).as("no broker was started").doesNotExist();
  }

  @Test
  void aClusterWideRateLimitIsRefusedWhenTheNodeRunsAlone() {
    assertRefused(Map.of("bootstrap.servers", KAFKA, "rate.limit.backend", "cluster"), "rate.limit.backend",
        "runs alone");
  }

  @Test
  void badPortsMembersAndFilesAreRefusedNamingTheKey() throws IOException {
    assertRefused(Map.of("cluster.port", "0"), "cluster.port", "'0'");
    assertRefused(Map.of("cluster.port", "70000"), "cluster.port", "'70000'");
    assertRefused(Map.of("rate.limit.backend", "redis"), "rate.limit.backend", "'redis'");
    assertRefused(Map.of("bootstrap.servers", KAFKA, "cluster.members", "10.0.0.2"), "cluster.members",
        "not host:port");
    assertRefused(Map.of("bootstrap.servers", KAFKA, "cluster.members", "10.0.0.2:http"), "cluster.members",
        "not host:port");
    assertRefused(Map.of("bootstrap.servers", KAFKA, "cluster.config.file", dir.resolve("absent.xml").toString()),
        "cluster.config.file", "cannot be read");
    Path garbage = Files.writeString(dir.resolve("garbage.xml"), "<hazelcast><network><port>many</port>");
    ClusterSettings settings = settings(Map.of("bootstrap.servers", KAFKA, "cluster.config.file",
        garbage.toString()));
    assertThatThrownBy(settings::hazelcastConfig).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cluster.config.file").hasMessageContaining("not a Hazelcast configuration");
  }

  private static void assertCommonSettings(Config config) {
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
    assertThat(config.getMemberAttributeConfig().getAttribute(ClusterSettings.WIRE_VERSION_ATTRIBUTE))
        .isEqualTo(String.valueOf(BusWireCodec.WIRE_VERSION));
  }

  private static void assertRefused(Map<String, String> values, String key, String reason) {
    assertThatThrownBy(() -> {
      TributaryConfig config = new TributaryConfig(values);
      ConfigValidator.validate(config);
      ClusterSettings.of(config);
    }).isInstanceOf(ConfigException.class).hasMessageContaining("'" + key + "'").hasMessageContaining(reason);
  }

  private static ClusterSettings settings(Map<String, String> values) {
    return ClusterSettings.of(new TributaryConfig(new HashMap<>(values)));
  }
}
