package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/**
 * Asks for a group's lag per partition with a committed offset; the reply is {@link ConsumerLags}. A group that does
 * not exist, or has no committed offsets, fails with 404.
 */
public record ListConsumerLags(String groupId) implements BusMessage {}
