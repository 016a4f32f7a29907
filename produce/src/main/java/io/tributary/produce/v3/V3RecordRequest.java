package io.tributary.produce.v3;

import io.tributary.core.produce.RecordHeader;
import java.util.List;

/**
 * One v3 produce record after its JSON shape was checked: explicit partition (null for the partitioner; may still
 * be negative, which is answered later), headers with decoded values, timestamp in epoch milliseconds (null for
 * "now"), key and value (null when absent).
 */
record V3RecordRequest(Integer partition, List<RecordHeader> headers, Long timestamp, V3RecordData key,
    V3RecordData value) {
  V3RecordRequest {
    headers = List.copyOf(headers);
  }
}
