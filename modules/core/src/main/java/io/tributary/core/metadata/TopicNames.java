package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Topic names, sorted. */
public record TopicNames(List<String> names) implements BusMessage {
  public TopicNames {
    names = List.copyOf(names);
  }
}
