package io.tributary.core.bus;

/**
 * Marker for immutable records sent on the local event bus. {@link LocalRecordCodec} passes them by reference,
 * so implementations must be deeply immutable (or never mutated after sending).
 */
public interface BusMessage {}
