package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies config changes to several topics in one Kafka request (or only validates them). Checked first, for the
 * whole request: every topic exists (40401) and every name is one of its configs (404). What Kafka then refuses
 * for a topic is that topic's entry in the reply, {@link TopicConfigFailures}; the other topics are changed.
 */
public record AlterTopicsConfigs(Map<String, List<ConfigChange>> changes, boolean validateOnly)
    implements BusMessage {
  public AlterTopicsConfigs {
    // Keeps the request's topic order, which the failures are reported in.
    Map<String, List<ConfigChange>> copy = new LinkedHashMap<>();
    changes.forEach((topic, list) -> copy.put(topic, List.copyOf(list)));
    changes = Collections.unmodifiableMap(copy);
  }
}
