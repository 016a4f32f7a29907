package io.tributary.consumer;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * One v1 simple read with a borrowed group-less consumer: assign the partition, find the start (an offset, or the
 * first record at or after a timestamp), and poll until {@code count} records, the end of the log as it was when
 * the read began, or a time bound. It never waits for new records, only for the fetches of existing ones, so
 * holding a thread for it is brief. Blocking: runs on a pool thread.
 */
final class PartitionRead {
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_SLICE = Duration.ofMillis(100);
  /** Guards against a leader that stops answering; a healthy read finishes long before. */
  private static final Duration READ_BOUND = Duration.ofSeconds(10);

  private PartitionRead() {}

  static List<ConsumedRecord> read(Consumer<byte[], byte[]> consumer, FetchPartition request, long budget) {
    try {
      return readAssigned(consumer, request, budget);
    } finally {
      // An idle pooled consumer should not keep prefetched data of its last partition.
      consumer.assign(List.of());
    }
  }

  private static List<ConsumedRecord> readAssigned(Consumer<byte[], byte[]> consumer, FetchPartition request,
      long budget) {
    TopicPartition tp = requirePartition(consumer, request.topic(), request.partition());
    consumer.assign(List.of(tp));
    long end = consumer.endOffsets(List.of(tp), METADATA_TIMEOUT).get(tp);
    long start;
    if (request.offset() != null) {
      // Below the log start (retention, compaction) there is nothing; reading goes on from the first record.
      long beginning = consumer.beginningOffsets(List.of(tp), METADATA_TIMEOUT).get(tp);
      start = Math.max(request.offset(), beginning);
    } else {
      Map<TopicPartition, OffsetAndTimestamp> found =
          consumer.offsetsForTimes(Map.of(tp, request.timestampMs()), METADATA_TIMEOUT);
      OffsetAndTimestamp at = found.get(tp);
      if (at == null) {
        return List.of();
      }
      start = at.offset();
    }
    List<ConsumedRecord> out = new ArrayList<>();
    if (request.count() <= 0 || start >= end) {
      return out;
    }
    consumer.seek(tp, start);
    long used = 0;
    long deadline = System.nanoTime() + READ_BOUND.toNanos();
    while (out.size() < request.count() && consumer.position(tp, METADATA_TIMEOUT) < end
        && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_SLICE).records(tp)) {
        ConsumedRecord r = ConsumedRecords.of(record);
        // As with instance reads, the first record is returned even when it alone exceeds the budget.
        if (out.size() >= request.count() || (!out.isEmpty() && used + r.size() > budget)) {
          return out;
        }
        out.add(r);
        used += r.size();
      }
    }
    return out;
  }

  private static TopicPartition requirePartition(Consumer<byte[], byte[]> consumer, String topic, int partition) {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
    } catch (InvalidTopicException e) {
      throw ErrorCode.TOPIC_NOT_FOUND.toException();
    }
    if (partitions == null || partitions.isEmpty()) {
      throw ErrorCode.TOPIC_NOT_FOUND.toException();
    }
    if (partitions.stream().noneMatch(p -> p.partition() == partition)) {
      throw ErrorCode.PARTITION_NOT_FOUND.toException();
    }
    return new TopicPartition(topic, partition);
  }
}
