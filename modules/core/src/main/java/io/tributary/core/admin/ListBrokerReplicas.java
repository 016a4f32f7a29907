package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for every replica a broker hosts; the reply is {@link BrokerReplicas}, a missing broker fails with 404. */
public record ListBrokerReplicas(int broker) implements BusMessage {}
