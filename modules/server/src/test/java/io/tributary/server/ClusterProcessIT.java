package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes from the packaged jar, each in its own JVM with its own properties file as docs/deployment.md shows,
 * against one external Kafka broker: they form one cluster, both serve, and {@code java -jar} needs no JVM flag for
 * Hazelcast (the jar's manifest opens what it needs).
 */
class ClusterProcessIT {
  @TempDir
  Path dir;

  @Test
  void twoNodesFromTheJarFormOneClusterAndBothServe() {
    List<Map<String, String>> configs = ProxyNode.cluster(2, TestKafka.bootstrapServers(),
        Map.of("cluster.name", "it-cluster"));
    try (ProxyNode first = ProxyNode.start(dir, "node1", configs.get(0));
        ProxyNode second = ProxyNode.start(dir, "node2", configs.get(1))) {
      JsonObject one = first.awaitMembers(2);
      JsonObject two = second.awaitMembers(2);
      assertThat(one.getJsonObject("cluster").getString("name")).isEqualTo("it-cluster");
      assertThat(one.getJsonObject("cluster").getString("node"))
          .isNotEqualTo(two.getJsonObject("cluster").getString("node"));

      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-it"), 1);
      for (ProxyNode node : List.of(first, second)) {
        Http.Reply produced = node.http().post("/topics/" + topic)
            .contentType("application/vnd.kafka.json.v2+json").body("{\"records\":[{\"value\":1}]}").send();
        assertThat(produced.status()).as("%s: %s", node.name(), produced).isEqualTo(200);
      }
      assertThat(TestKafka.readAll(topic, 2, JarProcess.PATIENCE)).hasSize(2);

      for (ProxyNode node : List.of(first, second)) {
        assertThat(node.output()).as(node.name()).doesNotContain("without proper access to required Java packages");
      }
      assertThat(second.stop()).as(second.output()).isZero();
      first.awaitMembers(1);
      assertThat(first.stop()).as(first.output()).isZero();
    }
  }
}
