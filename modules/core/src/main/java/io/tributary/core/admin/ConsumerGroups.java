package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Consumer groups sorted by id. */
public record ConsumerGroups(List<ConsumerGroupDetails> groups) implements BusMessage {
  public ConsumerGroups {
    groups = List.copyOf(groups);
  }
}
