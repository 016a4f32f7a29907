package io.tributary.core.cluster;

import io.tributary.core.bus.BusMessage;

/** Asks a node whether it is there: answered by the node itself, on its own address (cluster mode). */
public record NodePing() implements BusMessage {}
