package io.tributary.core.consumer;

import io.tributary.core.produce.RecordHeader;
import java.util.List;

/** A record as read from Kafka: raw key and value bytes (either may be null), timestamp and headers. */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value, long timestamp,
    List<RecordHeader> headers) {

  public ConsumedRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** Size counted against {@code max_bytes}: raw key plus value bytes, as the original proxy counts it. */
  public long size() {
    return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
  }
}
