package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.CommittedPosition;
import io.tributary.core.consumer.ConsumedRecord;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumedOffsetsTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);

  private static ConsumedRecord rec(long offset) {
    return new ConsumedRecord("t", 0, offset, null, null, 0L, null);
  }

  @Test
  void commitsTheOffsetAfterTheLastReturned() {
    ConsumedOffsets offsets = new ConsumedOffsets();
    offsets.returned(List.of(rec(3), rec(4)));
    assertThat(offsets.toCommit()).containsEntry(P0, new OffsetAndMetadata(5));
    assertThat(offsets.positions()).containsExactly(new CommittedPosition("t", 0, 4, 4));
  }

  @Test
  void givingRecordsBackRollsThePositionBack() {
    ConsumedOffsets offsets = new ConsumedOffsets();
    offsets.returned(List.of(rec(0), rec(1)));
    offsets.returned(List.of(rec(2), rec(3)));
    offsets.rollBack(List.of(rec(2), rec(3)));
    assertThat(offsets.lastReturned(P0)).isEqualTo(1);

    offsets.rollBack(List.of(rec(0), rec(1)));
    assertThat(offsets.isEmpty()).isTrue();
  }

  @Test
  void givingBackRecordsPastThePositionChangesNothing() {
    ConsumedOffsets offsets = new ConsumedOffsets();
    offsets.returned(List.of(rec(1)));
    offsets.rollBack(List.of(rec(5)));
    assertThat(offsets.lastReturned(P0)).isEqualTo(1);
  }

  @Test
  void aSeekMakesTheSoughtPositionWhatACommitStores() {
    ConsumedOffsets offsets = new ConsumedOffsets();
    offsets.returned(List.of(rec(7)));
    offsets.seekedTo(P0, 2);
    assertThat(offsets.toCommit()).containsEntry(P0, new OffsetAndMetadata(2));
    offsets.seekedTo(P0, 0);
    assertThat(offsets.toCommit()).containsEntry(P0, new OffsetAndMetadata(0));
    offsets.clear();
    assertThat(offsets.isEmpty()).isTrue();
  }

  @Test
  void aReadOfSeveralPartitionsAndTopicsKeepsTheHighestOffsetOfEach() {
    ConsumedOffsets offsets = new ConsumedOffsets();
    offsets.returned(List.of(rec(5), rec(6), new ConsumedRecord("t", 1, 3, null, null, 0L, null),
        new ConsumedRecord("u", 0, 9, null, null, 0L, null), rec(4), new ConsumedRecord("t", 1, 2, null, null, 0L,
            null)));

    assertThat(offsets.toCommit()).containsOnly(Map.entry(P0, new OffsetAndMetadata(7)),
        Map.entry(new TopicPartition("t", 1), new OffsetAndMetadata(4)),
        Map.entry(new TopicPartition("u", 0), new OffsetAndMetadata(10)));
  }
}
