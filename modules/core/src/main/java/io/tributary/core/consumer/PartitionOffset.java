package io.tributary.core.consumer;

/** An offset for one partition, with optional commit metadata. */
public record PartitionOffset(String topic, int partition, long offset, String metadata) {}
