package io.tributary.core.consumer;

/** Names one partition of a topic. */
public record PartitionRef(String topic, int partition) {}
