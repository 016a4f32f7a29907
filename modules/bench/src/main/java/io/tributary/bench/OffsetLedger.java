package io.tributary.bench;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The offsets a consumer has been given, per partition, to prove a drain valid: no offset twice, and (checked at
 * the end) no gap, i.e. every partition's offsets are exactly {@code 0..n-1} of a topic that started empty.
 * Not thread-safe.
 */
final class OffsetLedger {
  private final Map<Integer, BitSet> seen = new HashMap<>();
  private long count;

  /** Records one offset; throws {@link BenchFailure} if it was already given. */
  void add(int partition, long offset) {
    if (offset < 0 || offset > Integer.MAX_VALUE) {
      throw new BenchFailure("offset " + offset + " of partition " + partition + " is out of range");
    }
    BitSet offsets = seen.computeIfAbsent(partition, p -> new BitSet());
    if (offsets.get((int) offset)) {
      throw new BenchFailure("offset " + offset + " of partition " + partition + " was delivered twice");
    }
    offsets.set((int) offset);
    count++;
  }

  long count() {
    return count;
  }

  /** Throws {@link BenchFailure} unless every partition's offsets so far are {@code 0..n-1} without a gap. */
  void requireNoGaps() {
    for (Map.Entry<Integer, BitSet> e : seen.entrySet()) {
      BitSet offsets = e.getValue();
      int firstMissing = offsets.nextClearBit(0);
      if (firstMissing != offsets.cardinality()) {
        throw new BenchFailure("partition " + e.getKey() + " is missing offset " + firstMissing + " of the "
            + offsets.cardinality() + " delivered (offsets " + offsets.nextSetBit(0) + " to "
            + (offsets.length() - 1) + ")");
      }
    }
  }
}
