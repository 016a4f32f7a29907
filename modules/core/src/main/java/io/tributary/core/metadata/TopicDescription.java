package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A topic: its partitions ordered by id and (if asked for) its effective configs, sorted by name. */
public record TopicDescription(String name, boolean internal, Map<String, String> configs,
    List<PartitionDescription> partitions) implements BusMessage {

  public TopicDescription {
    configs = configs == null ? Map.of() : configs;
    partitions = List.copyOf(partitions);
  }

  public Optional<PartitionDescription> partition(int id) {
    return partitions.stream().filter(p -> p.partition() == id).findFirst();
  }
}
