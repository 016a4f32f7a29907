package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for one consumer group; the reply is {@link ConsumerGroupDetails}, 404 when the group does not exist. */
public record DescribeConsumerGroup(String groupId) implements BusMessage {}
