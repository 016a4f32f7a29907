package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;

/** What became of one v3 produce record: written (where, when, what) or refused (code and message). */
sealed interface RecordOutcome {

  /**
   * Kafka acknowledged the record.
   *
   * @param timestamp the record's timestamp in epoch milliseconds, as Kafka reported it
   * @param key what the receipt reports about the key; null when the record had no key
   */
  record Written(int partition, long offset, long timestamp, DataReport key, DataReport value)
      implements RecordOutcome {}

  /** The record was not written; {@code code} is what goes into {@code error_code}. */
  record Refused(int code, String message) implements RecordOutcome {}

  /**
   * The type and the size in bytes (-1 for null) of a written key or value; for the schema formats also the subject,
   * id and version of the schema it was written with (else null).
   */
  record DataReport(V3DataType type, String subject, Integer schemaId, Integer schemaVersion, int size) {
    DataReport(V3DataType type, int size) {
      this(type, null, null, null, size);
    }

    static DataReport of(V3DataType type, byte[] bytes) {
      return new DataReport(type, bytes == null ? -1 : bytes.length);
    }
  }

  /**
   * A failure as a receipt. The 422 family is folded the way kafka-rest's in-stream mapper does it: error_code 422,
   * the specific code in the text ("Error: 42207 : …"). Other codes (40401, 50002…) stay as they are.
   */
  static Refused refused(TributaryException error) {
    return refused(error.code(), error.getMessage());
  }

  static Refused refused(int code, String message) {
    int status = ErrorCode.statusOf(code);
    if (status == 422 && code != 422) {
      return new Refused(422, "Error: " + code + " : " + message);
    }
    return new Refused(code, message);
  }
}
