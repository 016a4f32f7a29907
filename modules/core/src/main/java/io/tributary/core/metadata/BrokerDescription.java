package io.tributary.core.metadata;

/** A broker; {@code rack} may be null. */
public record BrokerDescription(int id, String host, int port, String rack) {}
