package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/** Asks which partitions an instance holds, by subscription or by hand. The reply is {@link Assignment}. */
public record GetAssignment(ConsumerRef ref) implements BusMessage {}
