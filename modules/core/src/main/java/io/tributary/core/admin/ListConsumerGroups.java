package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for every consumer group of the cluster; the reply is {@link ConsumerGroups}. */
public record ListConsumerGroups() implements BusMessage {}
