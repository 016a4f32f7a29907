package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** The id of the one cluster this proxy serves. */
public record ClusterId(String id) implements BusMessage {}
