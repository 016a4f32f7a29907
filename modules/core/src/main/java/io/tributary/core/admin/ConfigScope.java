package io.tributary.core.admin;

/**
 * Which kind of resource a config belongs to: one broker, one topic, or the cluster-wide dynamic broker defaults
 * (the broker configs that apply to every broker unless a broker overrides them).
 */
public enum ConfigScope {
  BROKER,
  TOPIC,
  CLUSTER
}
