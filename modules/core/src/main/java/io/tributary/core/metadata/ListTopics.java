package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/** Asks for the names of all topics, internal ones included; the reply is {@link TopicNames}. */
public record ListTopics() implements BusMessage {}
