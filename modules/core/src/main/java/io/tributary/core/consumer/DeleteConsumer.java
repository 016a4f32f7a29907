package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/** Closes and forgets an instance; 40403 when it does not exist. The reply is an Ack. */
public record DeleteConsumer(ConsumerRef ref) implements BusMessage {}
