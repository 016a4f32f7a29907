package io.tributary.consumer;

import static io.tributary.consumer.ListeningMockConsumer.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The Kafka side of a consumer instance against Kafka's MockConsumer, without a broker: what rebalances, seeks,
 * requeues and commits do to the records buffered and returned.
 */
class ConfinedConsumerTest {
  private static final String TOPIC = "t";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final Duration SLICE = Duration.ofMillis(1);

  private final ListeningMockConsumer kafka = new ListeningMockConsumer();

  /** Auto-commit, when on, is due at every poll (interval 0). */
  private ConfinedConsumer subscribedTo(boolean autoCommit, TopicPartition... partitions) {
    return subscribedTo(autoCommit, 0, partitions);
  }

  private ConfinedConsumer subscribedTo(boolean autoCommit, long intervalMs, TopicPartition... partitions) {
    ConfinedConsumer consumer = new ConfinedConsumer(new ConsumerRef("g", "i", "anonymous"), kafka, autoCommit,
        intervalMs);
    consumer.subscribe(List.of(TOPIC), null);
    kafka.rebalance(List.of(partitions));
    kafka.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    return consumer;
  }

  /** Adds records 0..count-1 of 10 bytes to the partition and polls them into the buffer. */
  private void fill(ConfinedConsumer consumer, TopicPartition tp, int count) {
    for (int i = 0; i < count; i++) {
      kafka.addRecord(record(tp, i, 10));
    }
    consumer.pollUnlessBuffered(Long.MAX_VALUE, SLICE, SLICE);
  }

  private static List<Long> offsets(List<ConsumedRecord> records) {
    return records.stream().map(ConsumedRecord::offset).toList();
  }

  @Test
  void revokedPartitionsLoseTheirBufferAndCommitWhatWasReturned() {
    ConfinedConsumer consumer = subscribedTo(true, P0, P1);
    fill(consumer, P0, 5);
    fill(consumer, P1, 5);
    assertThat(offsets(consumer.take(30, true))).containsExactly(0L, 1L, 2L);

    kafka.rebalance(List.of(P1));

    // Under auto-commit, P0 commits exactly what was returned from it; its buffered records are not ours any more.
    assertThat(kafka.commits).containsExactly(Map.of(P0, new OffsetAndMetadata(3)));
    List<ConsumedRecord> rest = consumer.take(Long.MAX_VALUE, true);
    assertThat(rest).allMatch(r -> r.partition() == 1);
    assertThat(offsets(rest)).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void lostPartitionsLoseTheirBufferWithoutACommit() {
    // Auto-commit on, but not due during the test: only giving up partitions could commit.
    ConfinedConsumer consumer = subscribedTo(true, Duration.ofHours(1).toMillis(), P0, P1);
    fill(consumer, P0, 5);
    fill(consumer, P1, 2);
    assertThat(offsets(consumer.take(20, true))).containsExactly(0L, 1L);

    kafka.loseInNextPoll(List.of(P0));
    consumer.pollUnlessBuffered(Long.MAX_VALUE, SLICE, SLICE);

    // Another member may own P0 already: committing for it could move that member's position.
    assertThat(kafka.commits).isEmpty();
    assertThat(consumer.take(Long.MAX_VALUE, true)).allMatch(r -> r.partition() == 1).hasSize(2);
  }

  @Test
  void requeueKeepsOnlyTheRecordsOfPartitionsStillOwned() {
    ConfinedConsumer consumer = subscribedTo(false, P0, P1);
    fill(consumer, P0, 2);
    fill(consumer, P1, 2);
    List<ConsumedRecord> taken = consumer.take(Long.MAX_VALUE, true);
    assertThat(taken).hasSize(4);

    kafka.rebalance(List.of(P1));
    consumer.requeue(taken);

    List<ConsumedRecord> again = consumer.take(Long.MAX_VALUE, true);
    assertThat(again).allMatch(r -> r.partition() == 1);
    assertThat(offsets(again)).containsExactly(0L, 1L);
  }

  @Test
  void requeuedRecordsComeBackFirstAndStopCountingAsConsumed() {
    ConfinedConsumer consumer = subscribedTo(false, P0);
    fill(consumer, P0, 4);
    List<ConsumedRecord> taken = consumer.take(20, true);

    consumer.requeue(taken);
    consumer.commitConsumed();

    assertThat(kafka.commits).isEmpty();
    assertThat(offsets(consumer.take(Long.MAX_VALUE, true))).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void aSeekDropsTheBufferedRecordsOfThePartition() {
    ConfinedConsumer consumer = subscribedTo(false, P0, P1);
    fill(consumer, P0, 5);
    fill(consumer, P1, 1);
    consumer.take(10, true);

    consumer.seek(Map.of(P0, 1L), Map.of());

    assertThat(consumer.take(Long.MAX_VALUE, true)).allMatch(r -> r.partition() == 1).hasSize(1);
    // A commit of "everything returned" now stores the position the seek set.
    consumer.commitConsumed();
    assertThat(kafka.commits).containsExactly(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(1)));
  }

  @Test
  void autoCommitCommitsOnlyWhatWasReturnedNotWhatIsBuffered() {
    ConfinedConsumer consumer = subscribedTo(true, P0);
    fill(consumer, P0, 10);
    assertThat(offsets(consumer.take(20, true))).containsExactly(0L, 1L);

    // The next poll's auto-commit (interval 0): the consumer's position is 10, but only 0 and 1 were returned.
    consumer.pollUnlessBuffered(Long.MAX_VALUE, SLICE, SLICE);

    assertThat(kafka.position(P0)).isEqualTo(10);
    assertThat(kafka.commits).containsExactly(Map.of(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void aFullBufferIsNotPolledAgain() {
    ConfinedConsumer consumer = subscribedTo(false, P0);
    fill(consumer, P0, 3);
    int polls = kafka.polls.get();

    consumer.pollUnlessBuffered(30, SLICE, SLICE);

    assertThat(kafka.polls.get()).isEqualTo(polls);
  }
}
