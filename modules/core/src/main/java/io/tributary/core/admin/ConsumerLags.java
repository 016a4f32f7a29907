package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A group's lags sorted by topic and partition. */
public record ConsumerLags(String groupId, List<ConsumerLag> lags) implements BusMessage {
  public ConsumerLags {
    lags = List.copyOf(lags);
  }

  /** The partition with the largest lag (the first such one in topic/partition order). */
  public Optional<ConsumerLag> maxLag() {
    // Stream.max keeps the earlier element on ties.
    return lags.stream().max(Comparator.comparingLong(ConsumerLag::lag));
  }

  public long totalLag() {
    return lags.stream().mapToLong(ConsumerLag::lag).sum();
  }
}
