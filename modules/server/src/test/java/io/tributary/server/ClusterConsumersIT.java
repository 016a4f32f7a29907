package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.V2ConsumerClient.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode's consumer instances over HTTP, as a client behind a plain load balancer meets them: three nodes from
 * the packaged jar, each in a JVM of its own on the loopback address, against one Kafka broker, with API keys and
 * {@code advertised.listeners} set as docs/deployment.md configures them. One cluster serves the class (a JVM start
 * costs seconds); the tests run in order, and the later ones take nodes away and bring them back: the
 * create/subscribe/read/commit/delete matrix across nodes (v2, v1), names unique in the cluster, ownership on every
 * node, a group's delivery while a node leaves gracefully and rejoins, {@code kill -9} of an instance's node during
 * reads, and the killed node's return.
 *
 * <p>A record counts as committed once the group's committed offset of its partition, read from Kafka right after the
 * client's commit, has passed it: only a record that was not may be delivered twice. (A commit without a body commits
 * what the instance serving it has returned; after a rebalance or a re-creation that may not be what the client
 * read, which is why the test asks Kafka rather than trusting the 200.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterConsumersIT {
  private static final String ALICE = "alice-cluster-key";
  private static final String BOB = "bob-cluster-key";
  private static final String OPS = "ops-cluster-key";
  /** The load balancer's address, which every node advertises. */
  private static final String ADVERTISED = "http://proxy.example.com:8080";
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String FORWARDED = "tributary_consumer_forwarded_total";

  /** Kept when a test fails: the nodes' logs are there. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;
  private static ProxyNode a;
  private static ProxyNode b;
  private static ProxyNode c;

  @BeforeAll
  static void startCluster() throws IOException {
    // alice and bob may both consume every topic: only ownership stands between bob and alice's instances.
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"alice","key":"%s","permissions":[{"topics":["*"],"operations":["consume","produce"]}]},
          {"principal":"bob","key":"%s","permissions":[{"topics":["*"],"operations":["consume"]}]},
          {"principal":"ops","key":"%s","permissions":[{"topics":["*"],"operations":["admin"]}]}
        ]}""".formatted(ALICE, BOB, OPS));
    Map<String, String> common = Map.of("cluster.name", "it-consumers", "advertised.listeners", ADVERTISED,
        "auth.api.keys.file", keys.toString(),
        // A killed node's Kafka consumers leave their groups after 10 s rather than Kafka's default 45 s.
        "consumer.session.timeout.ms", "10000");
    List<Map<String, String>> configs = ProxyNode.cluster(3, TestKafka.bootstrapServers(), common);
    a = ProxyNode.start(dir, "node-a", configs.get(0));
    b = ProxyNode.start(dir, "node-b", configs.get(1));
    c = ProxyNode.start(dir, "node-c", configs.get(2));
    awaitWholeCluster();
  }

  @AfterAll
  static void stopCluster() {
    for (ProxyNode node : new ProxyNode[] {c, b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void aV2InstanceAnswersOnEveryNodeAsOnOne() {
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-v2"), 2);
    produce(b, topic, List.of(new Rec(0, "r0"), new Rec(1, "r1"), new Rec(0, "r2")));
    String group = TestKafka.uniqueTopic("cluster-v2-group");
    String base = instance(group, "matrix");

    Http.Reply created = alice(a).post("/consumers/" + group, V2ConsumerClient.quick("binary")
        .put("name", "matrix").put("auto.commit.enable", "false"));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    assertThat(created.contentType()).isEqualTo(V2);
    assertThat(created.json()).isEqualTo(new JsonObject().put("instance_id", "matrix")
        .put("base_uri", ADVERTISED + base));

    alice(b).subscribe(group, "matrix", topic);
    assertThat(alice(c).get(base + "/subscription").accept(V2).send().json())
        .isEqualTo(new JsonObject().put("topics", new JsonArray().add(topic)));
    List<JsonObject> read = alice(c).readUntil(group, "matrix", BINARY, "", 3);
    assertThat(read).extracting(r -> text(r.getString("value"))).containsExactlyInAnyOrder("r0", "r1", "r2");
    assertThat(alice(a).get(base + "/assignments").accept(V2).send().json().getJsonArray("partitions"))
        .containsExactlyInAnyOrder(partition(topic, 0), partition(topic, 1));

    Http.Reply commit = alice(b).post(base + "/offsets", null);
    assertThat(commit.status()).as("%s", commit).isEqualTo(200);
    assertThat(commit.array()).isEmpty();
    Http.Reply committed = alice(c).get(base + "/offsets").contentType(V2).accept(V2)
        .body(new JsonObject().put("partitions", new JsonArray().add(partition(topic, 0)).add(partition(topic, 1)))
            .encode()).send();
    assertThat(committed.status()).as("%s", committed).isEqualTo(200);
    assertThat(committed.json().getJsonArray("offsets")).extracting(o -> ((JsonObject) o).getInteger("partition")
        + "@" + ((JsonObject) o).getLong("offset")).containsExactlyInAnyOrder("0@2", "1@1");
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(2);

    V2ConsumerClient.noContent(alice(a).delete(base).send());
    for (ProxyNode node : List.of(a, b, c)) {
      assertError(alice(node).readReply(group, "matrix", BINARY, ""), 404, 40403);
      assertError(alice(node).delete(base).send(), 404, 40403);
    }
  }

  @Test
  @Order(2)
  void aV1InstanceAnswersOnEveryNodeAsOnOne() {
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-v1"), 2);
    produce(c, topic, List.of(new Rec(0, "s0"), new Rec(1, "s1"), new Rec(0, "s2")));
    String group = TestKafka.uniqueTopic("cluster-v1-group");
    String base = instance(group, "matrix-v1");

    Http.Reply created = asAlice(a.http().post("/consumers/" + group)).contentType(V1).accept(V1)
        .body(new JsonObject().put("name", "matrix-v1").put("format", "binary").put("auto.offset.reset", "smallest")
            .put("auto.commit.enable", "false").put("consumer.request.timeout.ms", 1_000).encode()).send();
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    assertThat(created.contentType()).isEqualTo(V1);
    assertThat(created.json()).isEqualTo(new JsonObject().put("instance_id", "matrix-v1")
        .put("base_uri", ADVERTISED + base));

    // v1 subscribes on the first read of a topic; the group may take a few reads to assign the partitions.
    List<JsonObject> read = Eventually.collect(() -> {
      Http.Reply reply = asAlice(c.http().get(base + "/topics/" + topic)).accept(V1_BINARY).send();
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo(V1_BINARY);
      return V2ConsumerClient.objects(reply.array());
    }, 3);
    assertThat(read).extracting(r -> text(r.getString("value"))).containsExactlyInAnyOrder("s0", "s1", "s2");

    Http.Reply commit = asAlice(b.http().post(base + "/offsets")).contentType(V1).send();
    assertThat(commit.status()).as("%s", commit).isEqualTo(200);
    assertThat(commit.contentType()).isEqualTo(V1);
    assertThat(commit.array()).containsExactlyInAnyOrder(
        new JsonObject().put("topic", topic).put("partition", 0).put("consumed", 1).put("committed", 1),
        new JsonObject().put("topic", topic).put("partition", 1).put("consumed", 0).put("committed", 0));
    assertThat(TestKafka.committedOffset(group, topic, 0)).isEqualTo(2);
    assertThat(TestKafka.committedOffset(group, topic, 1)).isEqualTo(1);

    Http.Reply deleted = asAlice(a.http().delete(base)).send();
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    for (ProxyNode node : List.of(a, b, c)) {
      assertError(asAlice(node.http().get(base + "/topics/" + topic)).accept(V1_BINARY).send(), 404, 40403);
      assertError(asAlice(node.http().delete(base)).send(), 404, 40403);
    }
  }

  @Test
  @Order(3)
  void aNameIsTakenInTheWholeCluster() {
    awaitWholeCluster();
    String group = TestKafka.uniqueTopic("cluster-names");
    alice(a).create(group, V2ConsumerClient.quick("binary").put("name", "taken"));
    assertError(alice(b).post("/consumers/" + group, V2ConsumerClient.quick("binary").put("name", "taken")), 409,
        40902);
    String v1Body = "{\"name\":\"taken-v1\"}";
    Http.Reply v1Created = asAlice(b.http().post("/consumers/" + group)).contentType(V1).body(v1Body).send();
    assertThat(v1Created.status()).as("%s", v1Created).isEqualTo(200);
    assertError(asAlice(c.http().post("/consumers/" + group)).contentType(V1).body(v1Body).send(), 409, 40902);

    alice(c).delete(group, "taken");
    assertThat(asAlice(a.http().delete(instance(group, "taken-v1"))).send().status()).isEqualTo(204);
    // Once deleted, the name is free again, on another node.
    alice(c).create(group, V2ConsumerClient.quick("binary").put("name", "taken"));
    alice(b).delete(group, "taken");
  }

  @Test
  @Order(4)
  void anotherPrincipalsInstanceIsNotFoundOnEveryNode() {
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-owned"), 1);
    String group = TestKafka.uniqueTopic("cluster-owned-group");
    String base = instance(group, "alices");
    alice(a).create(group, V2ConsumerClient.quick("binary").put("name", "alices"));
    alice(b).subscribe(group, "alices", topic);

    for (ProxyNode node : List.of(a, b, c)) {
      V2ConsumerClient bob = new V2ConsumerClient(node.http(), BOB);
      assertError(bob.readReply(group, "alices", BINARY, ""), 404, 40403);
      assertError(bob.get(base + "/subscription").accept(V2).send(), 404, 40403);
      assertError(bob.post(base + "/subscription", new JsonObject().put("topics", List.of(topic))), 404, 40403);
      assertError(bob.post(base + "/offsets", null), 404, 40403);
      assertError(bob.delete(base).send(), 404, 40403);
      Http.Reply v1Read = node.http().get(base + "/topics/" + topic).header("X-Auth-Token", BOB)
          .accept(V1_BINARY).send();
      assertError(v1Read, 404, 40403);
      // Bob's attempts changed nothing.
      assertThat(alice(node).get(base + "/subscription").accept(V2).send().json().getJsonArray("topics"))
          .containsExactly(topic);
    }
    alice(c).delete(group, "alices");
  }

  @Test
  @Order(5)
  void aGroupSpreadOverTheNodesGetsEveryRecordWhileANodeLeavesAndRejoins() {
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-group"), 3);
    String group = TestKafka.uniqueTopic("cluster-group-members");
    List<ProxyNode> owners = List.of(a, b, c);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      String name = "member-" + owners.get(i).name();
      alice(owners.get(i)).create(group, V2ConsumerClient.quick("binary").put("name", name)
          .put("auto.commit.enable", "false").put("consumer.request.timeout.ms", 1_000));
      alice(owners.get((i + 1) % owners.size())).subscribe(group, name, topic);
      members.add(name);
    }

    RoundRobin balancer = new RoundRobin(List.of(a, b, c));
    Delivery delivery = new Delivery(group, topic);
    List<Http.Reply> refused = new ArrayList<>();
    List<Http.Reply> refusedCommits = new ArrayList<>();
    List<String> produced = new ArrayList<>();
    CompletableFuture<Void> leaving = null;
    CompletableFuture<Void> joining = null;
    int roundsWithEveryNode = 0;
    long deadline = System.nanoTime() + JarProcess.PATIENCE.toNanos();
    for (int round = 0; roundsWithEveryNode < 5 || delivery.distinct() < produced.size(); round++) {
      assertThat(System.nanoTime()).as("delivered %d of %d; refused: %s", delivery.distinct(), produced.size(),
          refused).isLessThan(deadline);
      if (roundsWithEveryNode < 5) {
        List<Rec> batch = IntStream.range(0, 3).mapToObj(p -> new Rec(p, "g-" + (produced.size() + p))).toList();
        produce(balancer.next(), topic, batch);
        batch.forEach(r -> produced.add(r.value()));
      }
      for (String member : members) {
        Http.Reply read = alice(balancer.next()).readReply(group, member, BINARY, "?timeout=500");
        if (read.status() != 200) {
          refused.add(read);
          continue;
        }
        List<JsonObject> records = V2ConsumerClient.objects(read.array());
        if (!records.isEmpty()) {
          Http.Reply commit = alice(balancer.next()).post(instance(group, member) + "/offsets", null);
          if (commit.status() != 200) {
            refusedCommits.add(commit);
          }
        }
        delivery.processed(records);
      }
      if (leaving == null && round == 8) {
        // As a load balancer that drains a node: no new requests reach C, whose instance the others take over.
        balancer.remove(c);
        leaving = CompletableFuture.runAsync(() -> assertThat(c.stop()).as(c.output()).isZero());
      } else if (joining == null && leaving != null && leaving.isDone()) {
        leaving.join();
        joining = CompletableFuture.runAsync(() -> {
          c.restart();
          awaitWholeCluster();
        });
      } else if (joining != null && joining.isDone() && roundsWithEveryNode == 0) {
        joining.join();
        balancer.add(c);
        roundsWithEveryNode = 1;
      } else if (roundsWithEveryNode > 0) {
        roundsWithEveryNode++;
      }
    }

    // While C stops, a request for its instance may meet it closing: 503, which a client retries.
    assertThat(refused).as("refused reads").allSatisfy(ClusterConsumersIT::assertUnavailable);
    assertThat(refusedCommits).as("refused commits").allSatisfy(ClusterConsumersIT::assertCommitRefusal);
    delivery.assertEveryRecordOnceButUncommittedOnes(produced);
    for (String member : members) {
      alice(balancer.next()).delete(group, member);
    }
  }

  @Test
  @Order(6)
  void killingTheOwnerDuringReadsLosesNoRecordAndAnswersNo40403() throws Exception {
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-kill"), 3);
    String group = TestKafka.uniqueTopic("cluster-kill-group");
    int half = 30;
    List<Rec> first = IntStream.range(0, half).mapToObj(i -> new Rec(i % 3, "k-" + i)).toList();
    List<Rec> second = IntStream.range(half, 2 * half).mapToObj(i -> new Rec(i % 3, "k-" + i)).toList();
    produce(b, topic, first);
    // Created on A, which holds it; the client talks to B and C only. A read with nothing to return waits 45 s.
    String name = alice(a).create(group, new JsonObject().put("name", "survivor").put("format", "binary")
        .put("auto.offset.reset", "earliest").put("auto.commit.enable", "false")
        .put("consumer.request.timeout.ms", 45_000));
    List<V2ConsumerClient> clients = List.of(alice(b), alice(c));
    clients.get(0).subscribe(group, name, topic);
    Delivery delivery = new Delivery(group, topic);

    // A few records per read (max_bytes), committing after every other read, until the first half has arrived and
    // the last read is not committed.
    int reads = 0;
    int commits = 0;
    long deadline = System.nanoTime() + JarProcess.PATIENCE.toNanos();
    while (delivery.distinct() < half) {
      assertThat(System.nanoTime()).as("read %d of %d", delivery.distinct(), half).isLessThan(deadline);
      Http.Reply read = clients.get(reads % 2).readReply(group, name, BINARY, "?timeout=1000&max_bytes=12");
      assertThat(read.status()).as("%s", read).isEqualTo(200);
      List<JsonObject> records = V2ConsumerClient.objects(read.array());
      if (!records.isEmpty() && ++reads % 2 == 0 && delivery.distinct() + records.size() < half) {
        Http.Reply commit = clients.get(reads % 2).post(instance(group, name) + "/offsets", null);
        assertThat(commit.status()).as("%s", commit).isEqualTo(200);
        commits++;
      }
      delivery.processed(records);
    }
    assertThat(commits).as("commits before the kill").isPositive();
    Set<String> unsafe = delivery.uncommitted();
    assertThat(unsafe).as("records read but not committed before the kill").isNotEmpty();

    // A read waits on A for records that do not come, forwarded by B; A dies under it.
    double forwarded = forwardedBy(b);
    CompletableFuture<Http.Reply> waiting = CompletableFuture.supplyAsync(
        () -> clients.get(0).readReply(group, name, BINARY, ""));
    Eventually.get(() -> forwardedBy(b), n -> n > forwarded);
    assertThat(forwardedBy(b)).as("B forwarded the read to A").isGreaterThan(forwarded);
    a.kill();
    Http.Reply orphaned = waiting.get(2, TimeUnit.MINUTES);
    assertError(orphaned, 503, 50304);

    produce(c, topic, second);
    List<Http.Reply> refused = new ArrayList<>();
    List<Http.Reply> refusedCommits = new ArrayList<>();
    while (delivery.distinct() < 2 * half) {
      assertThat(System.nanoTime()).as("read %d of %d; refused: %s", delivery.distinct(), 2 * half, refused)
          .isLessThan(deadline);
      V2ConsumerClient client = clients.get(reads++ % 2);
      Http.Reply read = client.readReply(group, name, BINARY, "?timeout=1000");
      if (read.status() != 200) {
        refused.add(read);
        continue;
      }
      List<JsonObject> records = V2ConsumerClient.objects(read.array());
      if (!records.isEmpty()) {
        Http.Reply commit = clients.get(reads % 2).post(instance(group, name) + "/offsets", null);
        if (commit.status() != 200) {
          refusedCommits.add(commit);
        }
      }
      delivery.processed(records);
    }
    // Until the cluster drops A (about 15 s), requests for the instance are forwarded to it and fail: 503, retried.
    assertThat(refused).as("refused reads").allSatisfy(ClusterConsumersIT::assertUnavailable);
    assertThat(refusedCommits).as("refused commits").allSatisfy(ClusterConsumersIT::assertCommitRefusal);
    delivery.assertEveryRecordOnceButUncommittedOnes(
        IntStream.range(0, 2 * half).mapToObj(i -> "k-" + i).toList());
    assertThat(delivery.again()).as("records delivered again, of %d read but not committed before the kill",
        unsafe.size()).isLessThanOrEqualTo(unsafe.size());
    clients.get(1).delete(group, name);
  }

  @Test
  @Order(7)
  void aRestartedNodeRejoinsAndServesInstancesAgain() {
    if (!a.running()) {
      a.restart();
    }
    awaitWholeCluster();
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-rejoin"), 1);
    produce(c, topic, List.of(new Rec(0, "back")));
    String group = TestKafka.uniqueTopic("cluster-rejoin-group");

    // The restarted node reaches an instance held elsewhere, and holds one that the others reach.
    alice(b).create(group, V2ConsumerClient.quick("binary").put("name", "on-b"));
    alice(c).subscribe(group, "on-b", topic);
    assertThat(alice(a).readUntil(group, "on-b", BINARY, "", 1)).extracting(r -> text(r.getString("value")))
        .containsExactly("back");
    alice(a).delete(group, "on-b");

    alice(a).create(group, V2ConsumerClient.quick("binary").put("name", "on-a"));
    alice(b).subscribe(group, "on-a", topic);
    produce(a, topic, List.of(new Rec(0, "again")));
    assertThat(alice(c).readUntil(group, "on-a", BINARY, "", 1)).extracting(r -> text(r.getString("value")))
        .containsExactly("again");
    alice(b).delete(group, "on-a");
    assertError(alice(a).readReply(group, "on-a", BINARY, ""), 404, 40403);
  }

  /** Every node running and seeing three members; a node a failed test left stopped is started again. */
  private static void awaitWholeCluster() {
    for (ProxyNode node : List.of(a, b, c)) {
      if (!node.running()) {
        node.restart();
      }
    }
    for (ProxyNode node : List.of(a, b, c)) {
      node.awaitMembers(3);
    }
  }

  /** 503 with the generation's error body: the instance's node left (50304) or it moved during the request. */
  private static void assertUnavailable(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(503);
    assertThat(reply.json().getInteger("error_code")).as("%s", reply).isIn(503, 50304);
    ErrorAssert.assertNoInternals(reply);
  }

  /**
   * A commit may also meet its group rebalancing (an instance left or joined): 500 50003, retriable, as a single node
   * answers it.
   */
  private static void assertCommitRefusal(Http.Reply reply) {
    if (reply.status() == 500) {
      assertError(reply, 500, 50003);
    } else {
      assertUnavailable(reply);
    }
  }

  private static V2ConsumerClient alice(ProxyNode node) {
    return new V2ConsumerClient(node.http(), ALICE);
  }

  /** A request of alice's, for v1 calls (which set their v1 types themselves). */
  private static Http.Call asAlice(Http.Call call) {
    return call.header("X-Auth-Token", ALICE);
  }

  private record Rec(int partition, String value) {}

  /** Produces through the proxy (any node serves produce), each record to its partition. */
  private static void produce(ProxyNode node, String topic, List<Rec> records) {
    JsonArray list = new JsonArray();
    records.forEach(r -> list.add(new JsonObject().put("partition", r.partition())
        .put("value", Base64.getEncoder().encodeToString(r.value().getBytes(StandardCharsets.UTF_8)))));
    Http.Reply reply = asAlice(node.http().post("/topics/" + topic)).contentType(BINARY)
        .body(new JsonObject().put("records", list).encode()).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getJsonArray("offsets")).allSatisfy(o -> assertThat(((JsonObject) o).getValue("error"))
        .isNull());
  }

  private static String text(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static double forwardedBy(ProxyNode node) {
    Http.Reply metrics = node.http().get(MetricsEndpoint.PATH).header("X-Auth-Token", OPS).send();
    assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
    return PrometheusScrape.parse(metrics.text()).sum(FORWARDED, Map.of());
  }

  /** A load balancer's rotation over the nodes it sends requests to. */
  private static final class RoundRobin {
    private final List<ProxyNode> nodes;
    private int next;

    RoundRobin(List<ProxyNode> nodes) {
      this.nodes = new ArrayList<>(nodes);
    }

    synchronized ProxyNode next() {
      return nodes.get(next++ % nodes.size());
    }

    synchronized void remove(ProxyNode node) {
      nodes.remove(node);
    }

    synchronized void add(ProxyNode node) {
      nodes.add(node);
    }
  }

  /**
   * What the client got, record by record (values are unique), and which of the records it read Kafka did not count as
   * committed after the client's commit: the only ones that may come again.
   */
  private static final class Delivery {
    private final String group;
    private final String topic;
    private final Map<String, Integer> times = new HashMap<>();
    /** Records read whose partition's committed offset has not passed them yet: value → partition and offset. */
    private final Map<String, long[]> uncommitted = new HashMap<>();
    /** Records that came again although the committed offset had passed them before. */
    private final List<String> againAfterCommit = new ArrayList<>();
    private int again;

    Delivery(String group, String topic) {
      this.group = group;
      this.topic = topic;
    }

    /** A read's records, once the client has committed after it (whatever the commit answered). */
    void processed(List<JsonObject> records) {
      if (records.isEmpty()) {
        return;
      }
      for (JsonObject record : records) {
        assertThat(record.getString("topic")).isEqualTo(topic);
        String value = text(record.getString("value"));
        if (times.merge(value, 1, Integer::sum) > 1) {
          again++;
          if (!uncommitted.containsKey(value)) {
            againAfterCommit.add(value);
          }
        }
        uncommitted.put(value, new long[] {record.getInteger("partition"), record.getLong("offset")});
      }
      Map<Integer, Long> committed = committedOffsets();
      uncommitted.values().removeIf(at -> committed.getOrDefault((int) at[0], -1L) > at[1]);
    }

    int distinct() {
      return times.size();
    }

    /** How many deliveries were of a record delivered before. */
    int again() {
      return again;
    }

    /** The records read so far that the group's committed offsets have not passed. */
    Set<String> uncommitted() {
      return Set.copyOf(uncommitted.keySet());
    }

    void assertEveryRecordOnceButUncommittedOnes(List<String> produced) {
      assertThat(times.keySet()).as("every record delivered").containsExactlyInAnyOrderElementsOf(produced);
      assertThat(againAfterCommit).as("records delivered again after their commit (%d of %d records came again)",
          again, produced.size()).isEmpty();
    }

    private Map<Integer, Long> committedOffsets() {
      try {
        Map<TopicPartition, OffsetAndMetadata> offsets = TestKafka.admin().listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<Integer, Long> out = new HashMap<>();
        offsets.forEach((tp, om) -> {
          if (tp.topic().equals(topic) && om != null) {
            out.put(tp.partition(), om.offset());
          }
        });
        return out;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
