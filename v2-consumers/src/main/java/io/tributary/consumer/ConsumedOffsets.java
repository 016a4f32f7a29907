package io.tributary.consumer;

import io.tributary.core.consumer.CommittedPosition;
import io.tributary.core.consumer.ConsumedRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the offset of the last record an instance returned to its client: what a commit without explicit
 * offsets covers. Offsets count as consumed only when their records were handed out, and roll back when a route
 * gives records back. Confined to the instance's executor.
 */
final class ConsumedOffsets {
  private final Map<TopicPartition, Long> lastReturned = new LinkedHashMap<>();

  void returned(List<ConsumedRecord> records) {
    // A read's records come in runs per partition: one map update per run, not per record.
    ConsumedRecord run = null;
    long highest = -1;
    for (ConsumedRecord r : records) {
      if (run != null && r.partition() == run.partition() && r.topic().equals(run.topic())) {
        highest = Math.max(highest, r.offset());
        continue;
      }
      if (run != null) {
        lastReturned.merge(ConsumedRecords.partitionOf(run), highest, Math::max);
      }
      run = r;
      highest = r.offset();
    }
    if (run != null) {
      lastReturned.merge(ConsumedRecords.partitionOf(run), highest, Math::max);
    }
  }

  /** Un-consumes records that were given back: each partition's position moves to just before the earliest. */
  void rollBack(List<ConsumedRecord> records) {
    Map<TopicPartition, Long> earliest = new HashMap<>();
    for (ConsumedRecord r : records) {
      earliest.merge(ConsumedRecords.partitionOf(r), r.offset(), Math::min);
    }
    earliest.forEach((tp, first) -> {
      Long last = lastReturned.get(tp);
      if (last != null && last >= first) {
        if (first > 0) {
          lastReturned.put(tp, first - 1);
        } else {
          lastReturned.remove(tp);
        }
      }
    });
  }

  void forget(Collection<TopicPartition> partitions) {
    lastReturned.keySet().removeAll(partitions);
  }

  void clear() {
    lastReturned.clear();
  }

  /**
   * After a seek, a commit of "everything returned" stores the position sought to, as committing a Kafka consumer's
   * position would: the partition counts as consumed up to just before {@code nextOffset}.
   */
  void seekedTo(TopicPartition partition, long nextOffset) {
    lastReturned.put(partition, nextOffset - 1);
  }

  Long lastReturned(TopicPartition partition) {
    return lastReturned.get(partition);
  }

  boolean isEmpty() {
    return lastReturned.isEmpty();
  }

  /** Kafka's commit for everything returned: the next offset to read per partition. */
  Map<TopicPartition, OffsetAndMetadata> toCommit() {
    Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
    lastReturned.forEach((tp, last) -> out.put(tp, new OffsetAndMetadata(last + 1)));
    return out;
  }

  /** The same, limited to some partitions. */
  Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> out = toCommit();
    out.keySet().retainAll(partitions);
    return out;
  }

  /** v1's answer to a commit of everything returned: consumed and committed are the last returned offset. */
  List<CommittedPosition> positions() {
    List<CommittedPosition> out = new ArrayList<>();
    lastReturned.forEach((tp, last) -> out.add(new CommittedPosition(tp.topic(), tp.partition(), last, last)));
    return out;
  }
}
