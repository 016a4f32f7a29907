package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Replaces an instance's subscription with a list of topics or, when {@code topics} is null, a regular expression
 * over topic names. 40903 when the instance has partitions assigned by hand. The reply is an Ack.
 */
public record Subscribe(ConsumerRef ref, List<String> topics, String topicPattern) implements BusMessage {
  public Subscribe {
    topics = topics == null ? null : List.copyOf(topics);
    if ((topics == null) == (topicPattern == null)) {
      throw new IllegalArgumentException("exactly one of topics and topicPattern");
    }
  }
}
