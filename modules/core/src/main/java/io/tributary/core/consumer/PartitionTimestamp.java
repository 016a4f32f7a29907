package io.tributary.core.consumer;

/** A point in one partition's log given by time: the first record whose timestamp is at or after it. */
public record PartitionTimestamp(String topic, int partition, long timestampMs) {}
