package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Deletes a topic; the reply is {@link io.tributary.core.bus.Ack}, a missing topic fails with 40401. */
public record DeleteTopic(String topic) implements BusMessage {}
