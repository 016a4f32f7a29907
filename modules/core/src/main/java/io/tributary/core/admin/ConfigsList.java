package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Configs per resource, resources sorted (brokers by id, topics by name). */
public record ConfigsList(List<ResourceConfigs> resources) implements BusMessage {
  public ConfigsList {
    resources = List.copyOf(resources);
  }
}
