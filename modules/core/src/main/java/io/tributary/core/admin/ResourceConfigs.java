package io.tributary.core.admin;

import java.util.List;

/** The configs of one resource (a broker id, a topic name, or "" for the cluster-wide defaults), sorted by name. */
public record ResourceConfigs(String resource, List<ConfigValue> configs) {
  public ResourceConfigs {
    configs = List.copyOf(configs);
  }
}
