package io.tributary.consumer;

import io.tributary.core.consumer.ConsumedRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Records an instance has polled from Kafka but not yet returned, oldest first. A read takes from the front;
 * what does not fit stays for the next read, and records a route could not deliver go back to the front.
 * Confined to the instance's executor.
 */
final class RecordBuffer {
  private final ArrayDeque<ConsumedRecord> records = new ArrayDeque<>();
  private long bytes;

  void append(ConsumedRecord record) {
    records.addLast(record);
    bytes += record.size();
  }

  /** Puts records back in front of everything buffered, keeping their order. */
  void pushFront(List<ConsumedRecord> returned) {
    ListIterator<ConsumedRecord> it = returned.listIterator(returned.size());
    while (it.hasPrevious()) {
      ConsumedRecord record = it.previous();
      records.addFirst(record);
      bytes += record.size();
    }
  }

  /**
   * Removes records from the front while their sizes add up to at most {@code budget}. With
   * {@code atLeastOne}, the first record is taken even when it alone exceeds the budget, so that a record larger
   * than a client's {@code max_bytes} cannot block its partition forever (Kafka's own fetch rule).
   */
  List<ConsumedRecord> take(long budget, boolean atLeastOne) {
    List<ConsumedRecord> taken = new ArrayList<>();
    long used = 0;
    while (!records.isEmpty()) {
      ConsumedRecord next = records.peekFirst();
      boolean fits = used + next.size() <= budget;
      if (!fits && !(atLeastOne && taken.isEmpty())) {
        break;
      }
      records.pollFirst();
      bytes -= next.size();
      used += next.size();
      taken.add(next);
    }
    return taken;
  }

  /** Forgets the records of partitions this instance no longer owns (after a rebalance) or moved (a seek). */
  void drop(Collection<TopicPartition> partitions) {
    dropIf(r -> partitions.contains(ConsumedRecords.partitionOf(r)));
  }

  /** Forgets the records that match (e.g. of topics a new subscription leaves out). */
  void dropIf(Predicate<ConsumedRecord> unwanted) {
    records.removeIf(r -> {
      boolean gone = unwanted.test(r);
      if (gone) {
        bytes -= r.size();
      }
      return gone;
    });
  }

  /** Forgets everything (after the subscription or assignment changed). */
  void clear() {
    records.clear();
    bytes = 0;
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  long bytes() {
    return bytes;
  }
}
