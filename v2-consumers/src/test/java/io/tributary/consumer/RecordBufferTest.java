package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.ConsumedRecord;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordBufferTest {
  private static ConsumedRecord rec(int partition, long offset, int valueBytes) {
    return new ConsumedRecord("t", partition, offset, null, new byte[valueBytes], 0L, null);
  }

  @Test
  void takesWhatFitsAndKeepsTheRest() {
    RecordBuffer buffer = new RecordBuffer();
    buffer.append(rec(0, 0, 10));
    buffer.append(rec(0, 1, 10));
    buffer.append(rec(0, 2, 10));

    assertThat(buffer.take(25, true)).extracting(ConsumedRecord::offset).containsExactly(0L, 1L);
    assertThat(buffer.bytes()).isEqualTo(10);
    assertThat(buffer.take(25, true)).extracting(ConsumedRecord::offset).containsExactly(2L);
    assertThat(buffer.isEmpty()).isTrue();
  }

  @Test
  void anOversizedFirstRecordIsTakenOnlyWhenNothingElseWas() {
    RecordBuffer buffer = new RecordBuffer();
    buffer.append(rec(0, 0, 100));
    assertThat(buffer.take(10, false)).isEmpty();
    assertThat(buffer.take(10, true)).extracting(ConsumedRecord::offset).containsExactly(0L);
  }

  @Test
  void givenBackRecordsComeFirstInTheirOrder() {
    RecordBuffer buffer = new RecordBuffer();
    buffer.append(rec(0, 2, 1));
    buffer.pushFront(List.of(rec(0, 0, 1), rec(0, 1, 1)));
    assertThat(buffer.take(100, true)).extracting(ConsumedRecord::offset).containsExactly(0L, 1L, 2L);
  }

  @Test
  void revokedPartitionsAreDropped() {
    RecordBuffer buffer = new RecordBuffer();
    buffer.append(rec(0, 0, 5));
    buffer.append(rec(1, 0, 7));
    buffer.drop(List.of(new TopicPartition("t", 1)));
    assertThat(buffer.bytes()).isEqualTo(5);
    assertThat(buffer.take(100, true)).extracting(ConsumedRecord::partition).containsExactly(0);
  }

  @Test
  void droppingRecordsKeepsTheByteCountRight() {
    RecordBuffer buffer = new RecordBuffer();
    buffer.append(rec(0, 0, 10));
    buffer.append(new ConsumedRecord("other", 0, 0, null, new byte[5], 0L, null));
    buffer.append(rec(1, 0, 3));

    buffer.dropIf(r -> !r.topic().equals("t"));
    assertThat(buffer.bytes()).isEqualTo(13);
    buffer.drop(List.of(new TopicPartition("t", 0)));
    assertThat(buffer.bytes()).isEqualTo(3);
    assertThat(buffer.take(100, true)).extracting(ConsumedRecord::partition).containsExactly(1);
  }
}
