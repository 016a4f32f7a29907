package io.tributary.core.produce;

import io.tributary.core.error.ErrorCode;

/**
 * What Kafka answered for one record: either partition, offset and timestamp, or an error code and message.
 *
 * @param errorCode null on success, else a registry code (40101, 40301, 50002, 50003, 413, …)
 */
public record RecordReceipt(Integer partition, Long offset, Long timestamp, Integer errorCode, String error) {

  public static RecordReceipt success(int partition, long offset, long timestamp) {
    return new RecordReceipt(partition, offset, timestamp, null, null);
  }

  public static RecordReceipt failure(ErrorCode code, String message) {
    return new RecordReceipt(null, null, null, code.code(), message);
  }

  public boolean succeeded() {
    return errorCode == null;
  }
}
