package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/**
 * Asks for the configs of one resource, or of every resource of the scope when {@code resource} is null (all brokers,
 * all topics). For {@link ConfigScope#CLUSTER} the resource is ignored. The reply is {@link ConfigsList}; a missing
 * topic fails with 40401, a missing broker with 404.
 */
public record ListConfigs(ConfigScope scope, String resource) implements BusMessage {}
