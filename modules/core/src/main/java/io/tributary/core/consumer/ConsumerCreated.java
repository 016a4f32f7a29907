package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/** The created instance's name (the route builds {@code base_uri} from it). */
public record ConsumerCreated(String instanceId) implements BusMessage {}
