package io.tributary.consumer;

import io.tributary.core.consumer.SeekToEdge;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns seek requests given by time or by log edge into plain offsets, so that every seek is an explicit offset
 * the instance can account for (see {@link ConsumedOffsets#seekedTo}). Blocking lookups: runs on the instance's
 * executor.
 */
final class SeekTargets {
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private SeekTargets() {}

  /** Per partition, the first offset whose record's timestamp is at or after the time; the log end if none is. */
  static Map<TopicPartition, Long> atTimes(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> times) {
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    if (times.isEmpty()) {
      return out;
    }
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, LOOKUP_TIMEOUT);
    List<TopicPartition> none = times.keySet().stream().filter(tp -> found.get(tp) == null).toList();
    Map<TopicPartition, Long> ends = none.isEmpty() ? Map.of() : consumer.endOffsets(none, LOOKUP_TIMEOUT);
    for (TopicPartition tp : times.keySet()) {
      OffsetAndTimestamp at = found.get(tp);
      out.put(tp, at != null ? at.offset() : ends.get(tp));
    }
    return out;
  }

  /** Per partition, the first offset still in the log, or the offset the next record will get. */
  static Map<TopicPartition, Long> atEdge(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions,
      SeekToEdge.Edge edge) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, Long> offsets = edge == SeekToEdge.Edge.BEGINNING
        ? consumer.beginningOffsets(partitions, LOOKUP_TIMEOUT)
        : consumer.endOffsets(partitions, LOOKUP_TIMEOUT);
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    partitions.forEach(tp -> out.put(tp, offsets.get(tp)));
    return out;
  }
}
