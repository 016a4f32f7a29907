package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for every topic (internal ones included) as {@link TopicDetailsList}. */
public record DescribeAllTopics(boolean includeAuthorizedOperations) implements BusMessage {}
