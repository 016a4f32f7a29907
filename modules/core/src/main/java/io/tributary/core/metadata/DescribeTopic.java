package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/**
 * Asks for a topic's partitions (and its effective configs when {@code includeConfigs}); the reply is
 * {@link TopicDescription}, or 40401 when the topic does not exist.
 */
public record DescribeTopic(String topic, boolean includeConfigs) implements BusMessage {}
