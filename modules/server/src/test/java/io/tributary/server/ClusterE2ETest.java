package io.tributary.server;

import static io.tributary.server.ClusterReadiness.awaitMembers;
import static io.tributary.server.ClusterReadiness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import io.tributary.core.bus.BusWireCodec;
import io.tributary.core.bus.ClusterOps;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.testkit.ErrorAssert;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.spi.cluster.hazelcast.impl.HazelcastRegistrationInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode in one JVM: nodes A and B name each other in {@code cluster.members} and form one cluster; node C,
 * with the same members but another {@code cluster.name}, stays alone; a member speaking another bus wire version is
 * named in an error line, and a node starting next to it refuses to start; both nodes serve one embedded registry
 * (its state is shared through Kafka, not the cluster). One cluster serves every test of the class
 * (Hazelcast's join takes seconds); the last test stops B, then starts a node that joins A alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2ETest {
  private static final String PROBE = "tributary.test.cluster.probe";
  private static final int PERMITS = 5;

  private static TestServer a;
  private static TestServer b;
  private static TestServer c;
  private static int clusterPortA;

  @BeforeAll
  static void startNodes() {
    int portA = TestServer.freePort();
    clusterPortA = portA;
    int portB = TestServer.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    a = TestServer.start(node(portA, members, "e2e-cluster"));
    b = TestServer.start(node(portB, members, "e2e-cluster"));
    c = TestServer.start(node(TestServer.freePort(), members, "e2e-other"));
  }

  private static Map<String, String> node(int port, String members, String name) {
    return Map.of("cluster.members", members, "cluster.port", String.valueOf(port), "cluster.name", name,
        "cluster.host", "127.0.0.1", "rate.limit.enable", "true", "rate.limit.backend", "cluster",
        "rate.limit.permits.per.sec", String.valueOf(PERMITS),
        // A request over a second's count waits for the next second: the other tests' requests are not refused.
        "rate.limit.timeout.ms", "1500", "cluster.reach.check.ms", "500");
  }

  @AfterAll
  static void stopNodes() {
    for (TestServer node : new TestServer[] {c, b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void bothNodesReportTheClusterOfTwoAndTheOtherNameStaysAlone() {
    JsonObject readyA = awaitMembers(a, 2);
    JsonObject readyB = awaitMembers(b, 2);
    assertThat(readyA.getJsonObject("cluster").getString("name")).isEqualTo("e2e-cluster");
    assertThat(readyA.getJsonObject("cluster").getString("node"))
        .isNotEqualTo(readyB.getJsonObject("cluster").getString("node"));
    assertThat(readyA.getString("status")).isEqualTo("READY");

    JsonObject readyC = ready(c);
    assertThat(readyC.getJsonObject("cluster").getString("name")).isEqualTo("e2e-other");
    assertThat(readyC.getJsonObject("cluster").getInteger("members")).isEqualTo(1);
    assertThat(metrics(a)).contains("tributary_cluster_members 2.0");
    assertThat(metrics(c)).contains("tributary_cluster_members 1.0");
  }

  @Test
  @Order(2)
  void theClusteredBusReachesTheOtherNodeButNeverANodeOfAnotherClusterName() {
    awaitMembers(a, 2);
    List<String> onB = new CopyOnWriteArrayList<>();
    List<String> onC = new CopyOnWriteArrayList<>();
    await(b.server().vertx().eventBus().<String>consumer(PROBE, m -> onB.add(m.body())).completion());
    await(c.server().vertx().eventBus().<String>consumer(PROBE, m -> onC.add(m.body())).completion());

    // Registrations spread through the cluster asynchronously: publish until B has heard one.
    Eventually.get(() -> {
      a.server().vertx().eventBus().publish(PROBE, "from A");
      return onB.size();
    }, n -> n > 0);
    assertThat(onB).isNotEmpty().allMatch("from A"::equals);
    assertThat(onC).as("a node of another cluster name").isEmpty();
  }

  @Test
  @Order(3)
  void aMemberWithAnotherWireVersionIsLoggedAndANodeStartingNextToItRefusesToStart() {
    awaitMembers(a, 2);
    Logger logger = (Logger) LoggerFactory.getLogger(WireVersionCheck.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    HazelcastInstance stranger = Hazelcast.newHazelcastInstance(memberSpeakingWireVersion("99"));
    try {
      List<String> errors = Eventually.get(() -> errors(log),
          lines -> lines.stream().anyMatch(l -> l.contains(stranger.getCluster().getLocalMember().getAddress()
              .toString())));
      assertThat(errors).anySatisfy(line -> assertThat(line).contains("bus wire version 99")
          .contains("this node speaks version " + BusWireCodec.WIRE_VERSION));

      assertThatThrownBy(() -> TestServer.start(node(TestServer.freePort(), "127.0.0.1:" + clusterPortA,
          "e2e-cluster"))).hasMessageContaining("speaks bus wire version 99")
          .hasMessageContaining("this node speaks version " + BusWireCodec.WIRE_VERSION)
          .hasMessageContaining("does not start");
    } finally {
      stranger.shutdown();
      logger.detachAppender(log);
    }
    awaitMembers(a, 2);
  }

  private static List<String> errors(ListAppender<ILoggingEvent> log) {
    synchronized (log.list) {
      return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  /** A bare Hazelcast member of A and B's cluster that says it speaks another wire version. */
  private static Config memberSpeakingWireVersion(String version) {
    Config config = new Config().setClusterName("e2e-cluster");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.getMemberAttributeConfig().setAttribute(ClusterSettings.WIRE_VERSION_ATTRIBUTE, version);
    config.getNetworkConfig().setPort(TestServer.freePort()).setPortAutoIncrement(false)
        .setPublicAddress("127.0.0.1");
    config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + clusterPortA);
    return config;
  }

  @Test
  @Order(4)
  void produceWorksOnEachNodeAndIsServedWhereItArrives() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-produce"), 1);
    for (TestServer node : List.of(a, b)) {
      Http.Reply produced = node.http().post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json")
          .body("{\"records\":[{\"value\":{\"via\":\"" + node.baseUrl() + "\"}}]}").send();
      assertThat(produced.status()).as("%s", produced).isEqualTo(200);
    }
    assertThat(TestKafka.readAll(topic, 2, java.time.Duration.ofSeconds(60))).hasSize(2);
    // Produce requests are answered on the bus of the node that received them: none went to the other node.
    for (TestServer node : List.of(a, b)) {
      assertThat(metrics(node).lines().filter(l -> l.startsWith("vertx_eventbus_sent_total")
          && l.contains("tributary.produce.send")))
          .isNotEmpty().allMatch(l -> l.contains("side=\"local\""));
    }
  }

  @Test
  @Order(5)
  void theClusterWideRateLimitCountsARequestOnEitherNode() {
    // Two limiters of the same cluster, one on each node, at the same instant: they share one count.
    long now = System.currentTimeMillis() / 1000 * 1000 + 100;
    ClusterRateLimiter onA = new ClusterRateLimiter(a.server().vertx(), hazelcast(a), PERMITS, () -> now);
    ClusterRateLimiter onB = new ClusterRateLimiter(b.server().vertx(), hazelcast(b), PERMITS, () -> now);
    String principal = "principal-" + UUID.randomUUID();
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < PERMITS; i++) {
      waits.add(await((i % 2 == 0 ? onA : onB).reserve(principal, 0)));
    }
    assertThat(waits).as("the first %d requests, on A and B in turn", PERMITS).containsOnly(0L);
    assertThat(await(onB.reserve(principal, 0))).as("one more, on B").isEqualTo(-1L);
    assertThat(await(onA.reserve(principal, 0))).as("one more, on A").isEqualTo(-1L);
    assertThat(await(onA.reserve(principal, TimeUnit.SECONDS.toNanos(1))))
        .as("one more that may wait for the next second").isEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
    assertThat(await(onB.reserve("principal-" + UUID.randomUUID(), 0))).as("another principal").isZero();
  }

  @Test
  @Order(6)
  void aBurstOverTheLimitAcrossBothNodesGets429() throws Exception {
    // Three times the limit at once, spread over both nodes: a second's count admits the limit, the next second's
    // (which a request may wait for) admits as many again, and the cluster refuses the rest. A burst that happened to
    // straddle seconds with room to spare is tried again.
    ExecutorService clients = Executors.newFixedThreadPool(3 * PERMITS);
    try {
      List<Http.Reply> burst = Eventually.get(() -> burst(clients),
          replies -> replies.stream().anyMatch(r -> r.status() == 429));
      Http.Reply refused = burst.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
      ErrorAssert.assertError(refused, 429, 429);
      assertThat(burst).allMatch(r -> r.status() == 200 || r.status() == 429);
    } finally {
      clients.shutdownNow();
    }
  }

  private static List<Http.Reply> burst(ExecutorService clients) {
    List<java.util.concurrent.Future<Http.Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 3 * PERMITS; i++) {
      TestServer node = i % 2 == 0 ? a : b;
      calls.add(clients.submit(() -> node.http().get("/topics").accept("application/vnd.kafka.v2+json").send()));
    }
    List<Http.Reply> replies = new ArrayList<>();
    for (java.util.concurrent.Future<Http.Reply> call : calls) {
      try {
        replies.add(call.get(60, TimeUnit.SECONDS));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return replies;
  }

  @Test
  @Order(7)
  void bothNodesServeOneEmbeddedRegistry() throws Exception {
    // Each node runs the embedded registry on its own listener; they share one _schemas topic. Registrations racing
    // on both nodes must never share an id, and each node must answer for what the other registered.
    Http onA = SchemaRegistryTestData.registry(a);
    Http onB = SchemaRegistryTestData.registry(b);
    String prefix = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<Http.Reply>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Http registry = i % 2 == 0 ? onA : onB;
        String subject = prefix + "-" + i + "-value";
        String schema = SchemaRegistryTestData.avroRecord("R" + i);
        calls.add(clients.submit(() -> SchemaRegistryTestData.register(registry, subject,
            SchemaRegistryTestData.body(schema))));
      }
      Map<Integer, Integer> idBySubject = new java.util.HashMap<>();
      for (int i = 0; i < calls.size(); i++) {
        Http.Reply registered = calls.get(i).get(120, TimeUnit.SECONDS);
        assertThat(registered.status()).as("%s", registered).isEqualTo(200);
        idBySubject.put(i, registered.json().getInteger("id"));
      }
      assertThat(idBySubject.values()).as("ids of six different schemas registered on two nodes at once")
          .doesNotHaveDuplicates();
      for (Http registry : List.of(onA, onB)) {
        for (Map.Entry<Integer, Integer> registered : idBySubject.entrySet()) {
          Http.Reply byId = Eventually.get(() -> registry.get("/schemas/ids/" + registered.getValue()).send(),
              reply -> reply.status() == 200);
          assertThat(byId.json().getString("schema")).contains("\"R" + registered.getKey() + "\"");
          Http.Reply latest = Eventually.get(() -> registry.get("/subjects/" + prefix + "-" + registered.getKey()
              + "-value/versions/latest").send(), reply -> reply.status() == 200);
          assertThat(latest.json().getInteger("id")).isEqualTo(registered.getValue());
          assertThat(latest.json().getInteger("version")).isEqualTo(1);
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  @Order(8)
  void aNodeItsPeersCannotReachAnnouncesItsAddressesAgainAndServesThemFromTheOtherNode() {
    String nodeA = awaitMembers(a, 2).getJsonObject("cluster").getString("node");
    awaitMembers(b, 2);
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-reach"), 1);
    assertThat(a.http().post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json")
        .body("{\"records\":[{\"value\":1},{\"value\":2}]}").send().status()).isEqualTo(200);
    V2ConsumerClient onA = new V2ConsumerClient(a.http());
    String group = "reach-" + UUID.randomUUID();
    onA.create(group, V2ConsumerClient.quick("binary").put("name", "i"));
    onA.subscribe(group, "i", topic);
    double recreatedOnB = counted(b, "tributary_consumer_recreated_total");

    // What a merge after a network split can leave behind (eclipse-vertx/vert.x#4394): the cluster's map of event
    // bus registrations no longer lists A's addresses, while A's handlers are still there and A still sees B.
    MultiMap<String, HazelcastRegistrationInfo> registrations = hazelcast(b).getMultiMap("__vertx.subs");
    Set<String> removed = new HashSet<>();
    for (Map.Entry<String, HazelcastRegistrationInfo> entry : registrations.entrySet()) {
      if (entry.getValue().unwrap().nodeId().equals(nodeA) && entry.getKey().startsWith("tributary.")
          && registrations.remove(entry.getKey(), entry.getValue())) {
        removed.add(entry.getKey());
      }
    }
    assertThat(removed).contains(ClusterOps.PING.onNode(nodeA).address(),
        ConsumerOps.READ_UNRENDERED.onNode(nodeA).address());

    // A's reach check finds that B cannot ping it back, and A announces its addresses again.
    Eventually.get(() -> counted(a, "tributary_cluster_reannounced_total"), n -> n >= 1);
    Eventually.get(() -> removed.stream().filter(address -> registrations.get(address).stream()
        .noneMatch(r -> r.unwrap().nodeId().equals(nodeA))).toList(), List::isEmpty);
    Http.Reply readyAgain = Eventually.get(() -> a.http().get(RootRoutes.READY).send(), r -> r.status() == 200);
    assertThat(readyAgain.json().getJsonObject("cluster").getBoolean("reachable")).isTrue();
    // B forwards to A again: the instance is read where it lives, not re-created on B.
    List<JsonObject> read = new V2ConsumerClient(b.http()).readUntil(group, "i", V2ConsumerClient.BINARY, "", 2);
    assertThat(read).extracting(r -> r.getLong("offset")).containsExactly(0L, 1L);
    assertThat(counted(b, "tributary_consumer_recreated_total")).isEqualTo(recreatedOnB);
    onA.delete(group, "i");
  }

  @Test
  @Order(9)
  void aStoppedNodeLeavesTheClusterTheOtherServesAloneAndANodeStartedLaterJoinsIt() {
    String nodeA = awaitMembers(a, 2).getJsonObject("cluster").getString("node");
    String nodeB = awaitMembers(b, 2).getJsonObject("cluster").getString("node");
    // The engines' view of the nodes, as the server builds it for them.
    HazelcastNodes view = new HazelcastNodes(
        (HazelcastClusterManager) ((VertxInternal) a.server().vertx()).clusterManager());
    assertThat(view.localNodeId()).isEqualTo(nodeA);
    assertThat(view.members()).containsExactlyInAnyOrder(nodeA, nodeB);
    List<String> left = new CopyOnWriteArrayList<>();
    view.onNodeLeft(left::add);

    b.close();
    b = null;
    awaitMembers(a, 1);
    assertThat(Eventually.get(() -> left, l -> !l.isEmpty())).containsExactly(nodeB);
    assertThat(view.members()).containsExactly(nodeA);
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("cluster-alone"), 1);
    Http.Reply produced = a.http().post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json")
        .body("{\"records\":[{\"value\":1}]}").send();
    assertThat(produced.status()).as("%s", produced).isEqualTo(200);

    // Alone, A holds an instance; a node started afterwards with A as its only member joins and serves it too.
    V2ConsumerClient onA = new V2ConsumerClient(a.http());
    String group = "alone-" + UUID.randomUUID();
    onA.create(group, V2ConsumerClient.quick("binary").put("name", "i"));
    onA.subscribe(group, "i", topic);
    assertThat(onA.readUntil(group, "i", V2ConsumerClient.BINARY, "", 1).get(0).getLong("offset")).isZero();
    b = TestServer.start(node(TestServer.freePort(), "127.0.0.1:" + clusterPortA, "e2e-cluster"));
    awaitMembers(a, 2);
    awaitMembers(b, 2);
    assertThat(a.http().post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json")
        .body("{\"records\":[{\"value\":2}]}").send().status()).isEqualTo(200);
    V2ConsumerClient onB = new V2ConsumerClient(b.http());
    assertThat(onB.readUntil(group, "i", V2ConsumerClient.BINARY, "", 1).get(0).getLong("offset")).isEqualTo(1L);
    onB.delete(group, "i");
    assertThat(onA.readReply(group, "i", V2ConsumerClient.BINARY, "").status()).isEqualTo(404);
  }

  /** A meter's value in {@code node}'s scrape, 0 when it has none yet. */
  private static double counted(TestServer node, String meter) {
    return PrometheusScrape.parse(metrics(node)).sum(meter, Map.of());
  }

  private static String metrics(TestServer node) {
    Http.Reply reply = node.http().get(MetricsEndpoint.PATH).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.text();
  }

  private static HazelcastInstance hazelcast(TestServer node) {
    Vertx vertx = node.server().vertx();
    return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
