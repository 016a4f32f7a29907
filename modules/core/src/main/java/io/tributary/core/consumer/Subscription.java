package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** The topics an instance is subscribed to (for a pattern: the topics it currently matches), sorted. */
public record Subscription(List<String> topics) implements BusMessage {
  public Subscription {
    topics = List.copyOf(topics);
  }
}
