package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for the id of the cluster behind {@code bootstrap.servers}; the reply is {@link ClusterId}. */
public record GetClusterId() implements BusMessage {}
