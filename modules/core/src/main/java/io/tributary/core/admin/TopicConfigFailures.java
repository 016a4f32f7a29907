package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** The topics whose config changes failed, in request order; empty when every topic was changed. */
public record TopicConfigFailures(List<TopicConfigFailure> failures) implements BusMessage {
  public TopicConfigFailures {
    failures = List.copyOf(failures);
  }
}
