package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;

/** A partition's first offset and the offset the next record will get. */
public record PartitionOffsets(String topic, int partition, long beginning, long end) implements BusMessage {}
