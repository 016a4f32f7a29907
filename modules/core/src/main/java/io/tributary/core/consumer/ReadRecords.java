package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.format.EmbeddedFormat;

/**
 * Reads from an instance. The reply is {@link RenderedRead}: the records and their JSON answer; records it returns
 * count as consumed unless the route hands them back with {@link RequeueRecords} because it could not deliver them.
 *
 * @param topic v1's implicit subscription: the topic to read (subscribing on first use), or null for v2
 * @param format the embedded format the client asked for; 40601 when it is not the instance's
 * @param maxBytes cap on key+value bytes of the answer, or null for the configured maximum
 * @param timeoutMs the longest to wait for records, or null for the instance's request timeout
 * @param layout the JSON shape of the answer's records
 */
public record ReadRecords(ConsumerRef ref, String topic, EmbeddedFormat format, Long maxBytes, Long timeoutMs,
    RecordLayout layout) implements BusMessage {}
