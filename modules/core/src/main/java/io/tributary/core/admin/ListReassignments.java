package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/**
 * Asks for the ongoing reassignments of one topic, or of every topic when {@code topic} is null; the reply is
 * {@link Reassignments}. A named topic that does not exist fails with 40401.
 */
public record ListReassignments(String topic) implements BusMessage {}
