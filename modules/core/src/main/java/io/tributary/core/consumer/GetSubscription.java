package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/** Asks for an instance's subscribed topics. The reply is {@link Subscription}. */
public record GetSubscription(ConsumerRef ref) implements BusMessage {}
