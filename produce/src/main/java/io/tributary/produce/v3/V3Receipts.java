package io.tributary.produce.v3;

import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.tributary.produce.v3.RecordOutcome.Refused;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.json.Json;

/**
 * The JSON of v3 produce results: a streaming receipt ({@code error_code} 200 and where the record went, or
 * {@code error_code} and {@code message}) and the entries of a {@code records:batch} reply (the same without
 * {@code error_code} on success, with the entry's {@code id}). Absent parts are omitted, never null.
 *
 * <p>Written by hand rather than through a JSON tree: a stream renders one receipt per record, and all but the
 * strings (escaped by the JSON encoder) are numbers, enum names and ISO-8601 timestamps.
 */
final class V3Receipts {
  private V3Receipts() {}

  static String streamReceipt(RecordOutcome outcome, String clusterId, String topic) {
    return appendStreamReceipt(new StringBuilder(200), outcome, Json.encode(clusterId), Json.encode(topic),
        new TimestampTexts()).toString();
  }

  /**
   * Appends a streaming receipt to {@code out}; {@code clusterIdJson} and {@code topicJson} are already JSON strings
   * (a stream encodes them once, not per receipt), and {@code timestamps} the stream's.
   */
  static StringBuilder appendStreamReceipt(StringBuilder out, RecordOutcome outcome, String clusterIdJson,
      String topicJson, TimestampTexts timestamps) {
    if (outcome instanceof Written written) {
      out.append("{\"error_code\":200,");
      return written(out, written, clusterIdJson, topicJson, timestamps);
    }
    Refused refused = (Refused) outcome;
    return out.append("{\"error_code\":").append(refused.code()).append(",\"message\":")
        .append(Json.encode(refused.message())).append('}');
  }

  static String batchSuccess(String id, Written written, String clusterId, String topic) {
    StringBuilder out = new StringBuilder(200).append("{\"id\":").append(Json.encode(id)).append(',');
    return written(out, written, Json.encode(clusterId), Json.encode(topic), new TimestampTexts()).toString();
  }

  static String batchFailure(String id, Refused refused) {
    return "{\"id\":" + Json.encode(id) + ",\"error_code\":" + refused.code() + ",\"message\":"
        + Json.encode(refused.message()) + "}";
  }

  private static StringBuilder written(StringBuilder out, Written w, String clusterIdJson, String topicJson,
      TimestampTexts timestamps) {
    out.append("\"cluster_id\":").append(clusterIdJson)
        .append(",\"topic_name\":").append(topicJson)
        .append(",\"partition_id\":").append(w.partition())
        .append(",\"offset\":").append(w.offset())
        .append(",\"timestamp\":\"").append(timestamps.of(w.timestamp())).append('"');
    if (w.key() != null) {
      report(out.append(",\"key\":"), w.key());
    }
    if (w.value() != null) {
      report(out.append(",\"value\":"), w.value());
    }
    return out.append('}');
  }

  private static void report(StringBuilder out, DataReport report) {
    out.append("{\"type\":\"").append(report.type().name()).append('"');
    if (report.subject() != null) {
      out.append(",\"subject\":").append(Json.encode(report.subject()))
          .append(",\"schema_id\":").append(report.schemaId())
          .append(",\"schema_version\":").append(report.schemaVersion());
    }
    out.append(",\"size\":").append(report.size()).append('}');
  }
}
