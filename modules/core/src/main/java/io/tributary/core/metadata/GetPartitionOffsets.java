package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/** Asks for a partition's earliest and latest offsets; the reply is {@link PartitionOffsets}. */
public record GetPartitionOffsets(String topic, int partition) implements BusMessage {}
