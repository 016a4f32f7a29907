package io.tributary.core.produce;

/** One Kafka record header; the value may be null. Names may repeat within a record. */
public record RecordHeader(String name, byte[] value) {}
