package io.tributary.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's MockConsumer that also keeps the rebalance listener (to deliver "partitions lost", which the mock cannot)
 * and counts polls (so that a test can wait until a read is polling).
 */
final class ListeningMockConsumer extends MockConsumer<byte[], byte[]> {
  private volatile ConsumerRebalanceListener listener;
  final AtomicInteger polls = new AtomicInteger();
  /** Every commit, in order (the mock's commitSync goes through commitAsync);
   * the mock's committed() answers 0 for partitions no longer assigned. */
  final List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();

  ListeningMockConsumer() {
    super(OffsetResetStrategy.EARLIEST);
  }

  @Override
  public void subscribe(Collection<String> topics, ConsumerRebalanceListener callback) {
    listener = callback;
    super.subscribe(topics, callback);
  }

  @Override
  public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    polls.incrementAndGet();
    return super.poll(timeout);
  }

  @Override
  public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
      OffsetCommitCallback callback) {
    commits.add(Map.copyOf(offsets));
    super.commitAsync(offsets, callback);
  }

  /** As the group coordinator does on a missed session: inside the next poll, the partitions are lost. */
  void loseInNextPoll(Collection<TopicPartition> partitions) {
    schedulePollTask(() -> listener.onPartitionsLost(partitions));
  }

  /** A record of {@code size} value bytes. */
  static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, int size) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, null, new byte[size]);
  }
}
