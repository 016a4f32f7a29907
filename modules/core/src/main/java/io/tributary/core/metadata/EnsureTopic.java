package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/**
 * Asks for a topic's partitions, creating the topic first when it is missing and {@code create} is set and the
 * cluster allows automatic topic creation; the reply is {@link TopicDescription} (without configs), or 40401.
 */
public record EnsureTopic(String topic, boolean create) implements BusMessage {}
