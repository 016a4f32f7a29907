package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/**
 * Raises a topic's partition count to {@code count}; the reply is the topic's {@link TopicDetails} afterwards.
 * Kafka refuses anything but an increase (40002); a missing topic fails with 40401.
 */
public record IncreasePartitions(String topic, int count) implements BusMessage {}
