package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker's data directory across starts, and the settings it names when it cannot start. */
class EmbeddedKafkaBrokerTest {
  @TempDir
  Path dir;

  @Test
  void aSecondStartReusesTheDirectoryWithItsClusterIdAndTopics() throws Exception {
    String clusterId;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, Map.of());
        Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
      clusterId = admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
    }
    // A new client port and a new controller port: a single-node quorum does not mind.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, Map.of());
        Admin admin = admin(broker)) {
      assertThat(admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS)).isEqualTo(clusterId);
      assertThat(admin.describeTopics(List.of("kept")).allTopicNames().get(60, TimeUnit.SECONDS).get("kept")
          .partitions()).hasSize(2);
      // While this broker runs, another one cannot use its directory.
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0, Map.of()))
          .isInstanceOfSatisfying(EmbeddedKafkaBroker.StartFailure.class, e -> {
            assertThat(e.setting()).isEqualTo(EmbeddedKafkaBroker.StartFailure.Setting.DATA_DIR);
            assertThat(e.value()).isEqualTo(dir.toAbsolutePath().toString());
          });
    }
  }

  @Test
  void portsInUseAreNamedBeforeKafkaStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, port, Map.of()))
          .isInstanceOfSatisfying(EmbeddedKafkaBroker.StartFailure.class, e -> {
            assertThat(e.setting()).isEqualTo(EmbeddedKafkaBroker.StartFailure.Setting.PORT);
            assertThat(e.value()).isEqualTo(String.valueOf(port));
            assertThat(e.getMessage()).contains("127.0.0.1:" + port);
          });
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0, port, Map.of()))
          .isInstanceOfSatisfying(EmbeddedKafkaBroker.StartFailure.class,
              e -> assertThat(e.setting()).isEqualTo(EmbeddedKafkaBroker.StartFailure.Setting.CONTROLLER_PORT));
    }
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}
