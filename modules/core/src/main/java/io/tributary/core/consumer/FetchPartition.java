package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/**
 * v1's simple consumer: read up to {@code count} records of one partition starting at {@code offset}, or at the
 * first record whose timestamp is at or after {@code timestampMs} when the offset is null. No group, no commit.
 * The reply is {@link ReadResult}; 40401/40402 when the topic or partition does not exist.
 */
public record FetchPartition(String topic, int partition, Long offset, Long timestampMs, int count,
    long maxBytes) implements BusMessage {}
