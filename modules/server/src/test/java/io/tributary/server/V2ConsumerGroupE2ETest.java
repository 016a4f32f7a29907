package io.tributary.server;

import static io.tributary.server.ConsumerTestData.produce;
import static io.tributary.testkit.V2ConsumerClient.BINARY;
import static io.tributary.testkit.V2ConsumerClient.instance;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.ConsumerTestData.Rec;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Three v2 instances of one group share six partitions while members join and leave: every record is read exactly
 * once, no read hangs past its timeout, and what the group committed is what Kafka shows.
 */
class V2ConsumerGroupE2ETest {
  private static final int PARTITIONS = 6;
  private static final int PER_PARTITION = 60;
  private static final long READ_TIMEOUT_MS = 500;

  @Test
  void threeInstancesReadEveryRecordExactlyOnceAcrossRebalances() {
    V2ConsumerClient v2 = new V2ConsumerClient(TestServer.shared().http());
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-group"), PARTITIONS);
    produceRound(topic, 0);
    String group = TestKafka.uniqueTopic("group");
    // Default auto-commit (on): a member that loses partitions commits what it returned before they move on.
    JsonObject settings = new JsonObject().put("auto.offset.reset", "earliest")
        .put("consumer.request.timeout.ms", READ_TIMEOUT_MS).put("fetch.min.bytes", 0);

    Map<String, List<String>> readBy = new LinkedHashMap<>();
    List<String> members = new ArrayList<>();
    members.add(join(v2, group, topic, settings));
    members.add(join(v2, group, topic, settings));
    int total = PARTITIONS * PER_PARTITION * 2;
    AtomicInteger round = new AtomicInteger();
    AtomicBoolean joined = new AtomicBoolean();
    AtomicBoolean produced = new AtomicBoolean();
    AtomicBoolean left = new AtomicBoolean();
    Eventually.get(() -> {
      round.incrementAndGet();
      for (String member : List.copyOf(members)) {
        readOnce(v2, group, member, readBy);
      }
      if (!joined.get() && readBy.size() >= total / 8) {
        // A third member joins while the first two are consuming.
        members.add(join(v2, group, topic, settings));
        joined.set(true);
      } else if (joined.get() && !produced.get() && !assigned(v2, group, members.get(2)).isEmpty()) {
        // More records arrive once the group gave the third member its partitions, so that some can only be its
        // (produced at its join, the first two could read them all before the rebalance on a fast machine).
        produceRound(topic, 1);
        produced.set(true);
      } else if (produced.get() && !left.get() && readBy.size() >= total / 2
          && readSomething(readBy, members.get(2))) {
        // Once the third member has its share, the first leaves mid-stream.
        v2.delete(group, members.remove(0));
        left.set(true);
      }
      return readBy.size();
    }, size -> size >= total);

    assertThat(joined.get() && left.get()).as("membership changed during consumption (after %d rounds)", round.get())
        .isTrue();
    assertThat(readBy).hasSize(total);
    Map<String, Integer> perMember = new HashMap<>();
    readBy.values().forEach(by -> by.forEach(m -> perMember.merge(m, 1, Integer::sum)));
    assertThat(readBy.entrySet()).as("records read more than once").allSatisfy(e ->
        assertThat(e.getValue()).as(e.getKey()).hasSize(1));
    assertThat(perMember).as("every member read a share").hasSize(3);

    // Everything was committed through the proxy: Kafka's own offset fetch sees the end of every partition.
    for (String member : members) {
      assertThat(v2.post(instance(group, member) + "/offsets", null).status()).isEqualTo(200);
    }
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(TestKafka.committedOffset(group, topic, p)).as("partition %d", p).isEqualTo(PER_PARTITION * 2L);
    }
    members.forEach(m -> v2.delete(group, m));
  }

  private static String join(V2ConsumerClient v2, String group, String topic, JsonObject settings) {
    String name = v2.create(group, settings);
    v2.subscribe(group, name, topic);
    return name;
  }

  /** One bounded read and a commit of what it returned; each record is noted with who read it. */
  private static void readOnce(V2ConsumerClient v2, String group, String member, Map<String, List<String>> readBy) {
    Http.Reply reply = v2.readReply(group, member, BINARY, "?max_bytes=200");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    reply.array().forEach(o -> {
      JsonObject r = (JsonObject) o;
      readBy.computeIfAbsent(r.getInteger("partition") + "@" + r.getLong("offset"), k -> new ArrayList<>())
          .add(member);
    });
    Http.Reply commit = v2.post(instance(group, member) + "/offsets", null);
    if (commit.status() != 200) {
      // A commit racing a rebalance is refused as retriable; the member's revocation commits the same offsets.
      assertError(commit, 500, 50003);
    }
  }

  /** The partitions the group assigned to {@code member} (its subscription's share). */
  private static JsonArray assigned(V2ConsumerClient v2, String group, String member) {
    Http.Reply reply = v2.get(instance(group, member) + "/assignments").accept(V2ConsumerClient.V2).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getJsonArray("partitions");
  }

  private static boolean readSomething(Map<String, List<String>> readBy, String member) {
    return readBy.values().stream().anyMatch(by -> by.contains(member));
  }

  /** {@link #PER_PARTITION} records of 10 bytes on every partition. */
  private static void produceRound(String topic, int round) {
    produce(topic, IntStream.range(0, PARTITIONS * PER_PARTITION)
        .mapToObj(i -> Rec.of(i % PARTITIONS, null, String.format("r%d-%07d", round, i))).toArray(Rec[]::new));
  }
}
