package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/** Drops an instance's subscription or manual assignment. The reply is an Ack. */
public record Unsubscribe(ConsumerRef ref) implements BusMessage {}
