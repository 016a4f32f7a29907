package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** What a commit covered, per partition. */
public record CommitResult(List<CommittedPosition> positions) implements BusMessage {
  public CommitResult {
    positions = List.copyOf(positions);
  }
}
