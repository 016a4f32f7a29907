package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** What Kafka reports for a created (or validated) topic: its partition count and replication factor. */
public record TopicCreated(String name, int partitionsCount, int replicationFactor) implements BusMessage {}
