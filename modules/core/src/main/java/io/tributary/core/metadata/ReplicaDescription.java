package io.tributary.core.metadata;

/** One replica of a partition. */
public record ReplicaDescription(int broker, boolean leader, boolean inSync) {}
