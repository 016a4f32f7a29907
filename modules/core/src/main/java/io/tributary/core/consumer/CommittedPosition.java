package io.tributary.core.consumer;

/**
 * v1's view of a commit: {@code consumed} is the offset of the last record returned, {@code committed} the last
 * record covered by the commit (both "last processed" offsets, one less than Kafka's stored offset).
 */
public record CommittedPosition(String topic, int partition, long consumed, long committed) {}
