package io.tributary.core.bus;

/**
 * Marker for the immutable records of {@link BusOperation}s. Inside one JVM they pass by reference
 * ({@link BusWireCodec}), so implementations must be deeply immutable (or never mutated after sending); between JVMs
 * they travel as JSON of their components, so their components must be plain values, lists, maps and records.
 */
public interface BusMessage {}
