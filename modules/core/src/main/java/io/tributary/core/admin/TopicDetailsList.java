package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Topics sorted by name. */
public record TopicDetailsList(List<TopicDetails> topics) implements BusMessage {
  public TopicDetailsList {
    topics = List.copyOf(topics);
  }
}
