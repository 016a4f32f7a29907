package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for one topic's {@link TopicDetails}; fails with 40401 when the topic does not exist. */
public record DescribeTopicDetails(String topic, boolean includeAuthorizedOperations) implements BusMessage {}
