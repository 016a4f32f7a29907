package io.tributary.consumer;

import io.tributary.core.format.EmbeddedFormat;

/**
 * What a read needs to know about its instance, fixed at creation.
 *
 * @param fetchMinBytes a read returns early once it holds more than this many bytes; -1 never
 * @param requestTimeoutMs the longest a read waits
 */
record InstanceSettings(EmbeddedFormat format, int fetchMinBytes, long requestTimeoutMs) {}
