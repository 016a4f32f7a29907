package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/** Asks whether Kafka answers; the reply is {@link ClusterBrokers}, a failure with 503 when it does not. */
public record Ping() implements BusMessage {}
