package io.tributary.server;

import static io.tributary.server.ClusterReadiness.awaitMembers;
import static io.tributary.server.ClusterReadiness.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TcpRelay;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real network split of a two-node cluster. Each node binds a loopback address of its own (127.0.0.2, 127.0.0.3)
 * and announces as its public address (through {@code cluster.config.file}, as a node behind NAT would) a
 * {@link TcpRelay} in front of its Hazelcast port, on a second address of its own (127.0.1.2, 127.0.1.3), from which
 * Hazelcast also opens its connections to the other node. Making each relay refuse the other node's public address
 * cuts the two apart, while both still reach Kafka; admitting them again heals the split, and Hazelcast merges the
 * two sides.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSplitE2ETest {
  private static final String HOST_A = "127.0.0.2";
  private static final String HOST_B = "127.0.0.3";
  private static final String PUBLIC_A = "127.0.1.2";
  private static final String PUBLIC_B = "127.0.1.3";
  private static final String JSON = "application/vnd.kafka.json.v2+json";

  @TempDir
  static Path dir;

  private static TcpRelay relayA;
  private static TcpRelay relayB;
  private static TestServer a;
  private static TestServer b;
  private static String topic;
  private static final String GROUP_OF_A = "split-a-" + UUID.randomUUID();
  private static final String GROUP_OF_B = "split-b-" + UUID.randomUUID();
  private static final String MOVING_GROUP = "split-moving-" + UUID.randomUUID();

  @BeforeAll
  static void startNodes() throws IOException {
    int portA = TestServer.freePort();
    int portB = TestServer.freePort();
    relayA = TcpRelay.on(PUBLIC_A, HOST_A, portA);
    relayB = TcpRelay.on(PUBLIC_B, HOST_B, portB);
    String name = "split-" + UUID.randomUUID();
    List<String> relays = List.of(PUBLIC_A + ":" + relayA.port(), PUBLIC_B + ":" + relayB.port());
    a = TestServer.start(node(HOST_A, portA, relays.get(0), relays, name));
    b = TestServer.start(node(HOST_B, portB, relays.get(1), relays, name));
  }

  @AfterAll
  static void stopNodes() {
    for (AutoCloseable closeable : new AutoCloseable[] {b, a, relayB, relayA}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          // The others still get closed.
        }
      }
    }
  }

  @Test
  @Order(1)
  void eachSideServesItsOwnInstancesAndTheCopyCreatedLastOwnsTheGroupsOffsets() {
    awaitMembers(a, 2);
    awaitMembers(b, 2);
    assertThat(relayA.sources()).as("connections to A through its relay, by source")
        .isNotEmpty().allMatch(PUBLIC_B::equals);
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-split"), 1);
    produce(topic, 0, 3);
    V2ConsumerClient onA = new V2ConsumerClient(a.http());
    V2ConsumerClient onB = new V2ConsumerClient(b.http());
    subscribed(onA, GROUP_OF_A, topic);
    subscribed(onB, GROUP_OF_B, topic);
    subscribed(onA, MOVING_GROUP, topic);
    // Before the split any node serves any instance; the moving one is read and committed on A, its node.
    assertThat(offsets(onB.readUntil(GROUP_OF_A, "i", V2ConsumerClient.BINARY, "", 3))).containsExactly(0L, 1L, 2L);
    assertThat(offsets(onA.readUntil(MOVING_GROUP, "i", V2ConsumerClient.BINARY, "", 3)))
        .containsExactly(0L, 1L, 2L);
    commitConsumed(onA, MOVING_GROUP);
    assertThat(TestKafka.committedOffset(MOVING_GROUP, topic, 0)).isEqualTo(3L);

    relayA.refuse(PUBLIC_B);
    relayB.refuse(PUBLIC_A);
    awaitMembers(a, 1);
    awaitMembers(b, 1);
    produce(topic, 3, 2);

    // Each side serves the instances it holds.
    assertThat(offsets(onA.readUntil(GROUP_OF_A, "i", V2ConsumerClient.BINARY, "", 2))).containsExactly(3L, 4L);
    assertThat(offsets(onB.readUntil(GROUP_OF_B, "i", V2ConsumerClient.BINARY, "", 5)))
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    // B's side has its copy of the directory (Hazelcast's backup): the moving instance, whose node is gone for B, is
    // re-created on B and resumes from the group's committed offset, nothing lost.
    assertThat(offsets(onB.readUntil(MOVING_GROUP, "i", V2ConsumerClient.BINARY, "", 2))).containsExactly(3L, 4L);
    commitConsumed(onB, MOVING_GROUP);
    assertThat(TestKafka.committedOffset(MOVING_GROUP, topic, 0)).isEqualTo(5L);

    // A still holds its older copy: Kafka fenced it when B's joined the group as the same static member, so it can
    // no longer move the group's offsets (50304, which a client retries), and B's commit stands.
    Http.Reply commitOnA = onA.post(V2ConsumerClient.instance(MOVING_GROUP, "i") + "/offsets", new JsonObject()
        .put("offsets", new JsonArray().add(new JsonObject().put("topic", topic).put("partition", 0)
            .put("offset", 1))));
    ErrorAssert.assertError(commitOnA, 503, 50304);
    assertThat(TestKafka.committedOffset(MOVING_GROUP, topic, 0)).isEqualTo(5L);
    assertThat(ready(a).getJsonObject("cluster").getBoolean("reachable")).as("alone, nobody needs to reach A")
        .isTrue();
  }

  @Test
  @Order(2)
  void whenTheSplitHealsTheNodesMergeAndEachServesEveryInstance() {
    relayA.admitAll();
    relayB.admitAll();
    // Hazelcast's merge task finds the other side; the directory keeps one owner per instance, any other copy is
    // closed, and a node whose addresses the merge lost announces them again (its reach check).
    awaitMerged(a);
    awaitMerged(b);
    produce(topic, 5, 1);
    V2ConsumerClient onA = new V2ConsumerClient(a.http());
    V2ConsumerClient onB = new V2ConsumerClient(b.http());

    // Each instance through the node that did not hold it during the split: never a 40403, nothing lost (a record
    // read but not committed may come again: at-least-once).
    assertThat(offsets(readRetrying(onB, GROUP_OF_A, 1))).contains(5L);
    assertThat(offsets(readRetrying(onA, GROUP_OF_B, 1))).contains(5L);
    // The moved instance resumes from the offset its newest copy committed, wherever the directory now lists it, and
    // is served through the other node too. Until the directory scan that follows the merge closes the copy the
    // directory did not keep, that copy may deliver the same uncommitted records again (at-least-once), never one
    // from before the committed offset.
    assertThat(offsets(readRetrying(onA, MOVING_GROUP, 1))).containsExactly(5L);
    assertThat(offsets(firstServedRead(onB, MOVING_GROUP))).allMatch(offset -> offset >= 5L);
  }

  /**
   * Reads until {@code expected} records arrived, retrying a 503 (a copy closing, an instance moving: a client
   * retries those); any other answer but 200 fails.
   */
  private static List<JsonObject> readRetrying(V2ConsumerClient client, String group, int expected) {
    List<JsonObject> all = Eventually.collect(() -> {
      Http.Reply reply = client.readReply(group, "i", V2ConsumerClient.BINARY, "?timeout=500");
      if (reply.status() == 503) {
        return List.of();
      }
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return V2ConsumerClient.objects(reply.array());
    }, expected);
    return all;
  }

  /** The records of the first read not answered 503 (which a client retries); it must be a 200. */
  private static List<JsonObject> firstServedRead(V2ConsumerClient client, String group) {
    Http.Reply reply = Eventually.get(() -> client.readReply(group, "i", V2ConsumerClient.BINARY, "?timeout=500"),
        r -> r.status() != 503);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return V2ConsumerClient.objects(reply.array());
  }

  private static void awaitMerged(TestServer node) {
    Http.Reply ready = Eventually.get(() -> node.http().get(RootRoutes.READY).send(), r -> r.status() == 200
        && r.json().getJsonObject("cluster").getInteger("members") == 2
        && r.json().getJsonObject("cluster").getBoolean("reachable"));
    assertThat(ready.status()).as("%s", ready).isEqualTo(200);
    assertThat(ready.json().getJsonObject("cluster").getInteger("members")).as("%s", ready).isEqualTo(2);
  }

  private static void subscribed(V2ConsumerClient client, String group, String topic) {
    client.create(group, V2ConsumerClient.quick("binary").put("name", "i"));
    client.subscribe(group, "i", topic);
  }

  private static void commitConsumed(V2ConsumerClient client, String group) {
    Http.Reply reply = client.post(V2ConsumerClient.instance(group, "i") + "/offsets", null);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  private static void produce(String topic, int first, int count) {
    JsonArray records = new JsonArray();
    for (int i = first; i < first + count; i++) {
      records.add(new JsonObject().put("value", i));
    }
    Http.Reply reply = a.http().post("/topics/" + topic).contentType(JSON)
        .body(new JsonObject().put("records", records).encode()).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  private static List<Long> offsets(List<JsonObject> records) {
    return records.stream().map(r -> r.getLong("offset")).toList();
  }

  /**
   * A node bound to {@code host} whose Hazelcast announces {@code relay} (the relay in front of its port), connects
   * out from that relay's address and joins through the relays; heartbeats as the built-in configuration has them,
   * so a cut is noticed within 15 s, and a merge attempt every 5 s (refused by the relays until the split heals).
   */
  private static Map<String, String> node(String host, int port, String relay, List<String> relays, String name)
      throws IOException {
    StringBuilder members = new StringBuilder();
    relays.forEach(r -> members.append("<member>").append(r).append("</member>"));
    String xml = """
        <hazelcast xmlns="http://www.hazelcast.com/schema/config">
          <cluster-name>%s</cluster-name>
          <properties>
            <property name="hazelcast.local.localAddress">%s</property>
            <property name="hazelcast.socket.bind.any">false</property>
            <property name="hazelcast.socket.client.bind.any">false</property>
            <property name="hazelcast.wait.seconds.before.join">1</property>
            <property name="hazelcast.heartbeat.interval.seconds">2</property>
            <property name="hazelcast.max.no.heartbeat.seconds">15</property>
            <property name="hazelcast.merge.first.run.delay.seconds">5</property>
            <property name="hazelcast.merge.next.run.delay.seconds">5</property>
          </properties>
          <network>
            <public-address>%s</public-address>
            <port auto-increment="false">%d</port>
            <join>
              <multicast enabled="false"/>
              <auto-detection enabled="false"/>
              <tcp-ip enabled="true" connection-timeout-seconds="2"><member-list>%s</member-list></tcp-ip>
            </join>
            <interfaces enabled="true"><interface>%s</interface></interfaces>
          </network>
        </hazelcast>
        """.formatted(name, host, relay, port, members, host);
    Path file = dir.resolve(host + ".xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    return Map.of("cluster.config.file", file.toString(), "cluster.host", host, "cluster.reach.check.ms", "500");
  }
}
