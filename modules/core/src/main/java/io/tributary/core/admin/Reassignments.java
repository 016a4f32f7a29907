package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Reassignments sorted by topic and partition. */
public record Reassignments(List<Reassignment> reassignments) implements BusMessage {
  public Reassignments {
    reassignments = List.copyOf(reassignments);
  }
}
