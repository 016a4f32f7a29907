package io.tributary.core.produce;

import java.util.List;

/**
 * A record ready for Kafka: key and value already in their wire bytes (either may be null), an optional explicit
 * partition, headers, and an optional timestamp in epoch milliseconds (null means the producer's clock).
 */
public record OutgoingRecord(byte[] key, byte[] value, Integer partition, List<RecordHeader> headers,
    Long timestamp) {

  public OutgoingRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** A record with neither headers nor timestamp: what v1 and v2 produce. */
  public static OutgoingRecord of(byte[] key, byte[] value, Integer partition) {
    return new OutgoingRecord(key, value, partition, List.of(), null);
  }
}
