package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/** Asks for the cluster's brokers; the reply is {@link ClusterBrokers}. */
public record ListBrokers() implements BusMessage {}
