package io.tributary.produce.v3;

import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.tributary.produce.v3.RecordOutcome.Refused;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The JSON of v3 produce results: a streaming receipt ({@code error_code} 200 and where the record went, or
 * {@code error_code} and {@code message}) and the entries of a {@code records:batch} reply (the same without
 * {@code error_code} on success, with the entry's {@code id}). Absent parts are omitted, never null.
 */
final class V3Receipts {
  private V3Receipts() {}

  static JsonObject streamReceipt(RecordOutcome outcome, String clusterId, String topic) {
    if (outcome instanceof Written written) {
      return written(new JsonObject().put("error_code", 200), written, clusterId, topic);
    }
    Refused refused = (Refused) outcome;
    return new JsonObject().put("error_code", refused.code()).put("message", refused.message());
  }

  static JsonObject batchSuccess(String id, Written written, String clusterId, String topic) {
    return written(new JsonObject().put("id", id), written, clusterId, topic);
  }

  static JsonObject batchFailure(String id, Refused refused) {
    return new JsonObject().put("id", id).put("error_code", refused.code()).put("message", refused.message());
  }

  private static JsonObject written(JsonObject into, Written w, String clusterId, String topic) {
    into.put("cluster_id", clusterId).put("topic_name", topic).put("partition_id", w.partition())
        .put("offset", w.offset()).put("timestamp", Instant.ofEpochMilli(w.timestamp()).toString());
    if (w.key() != null) {
      into.put("key", report(w.key()));
    }
    if (w.value() != null) {
      into.put("value", report(w.value()));
    }
    return into;
  }

  private static JsonObject report(DataReport report) {
    return new JsonObject().put("type", report.type().name()).put("size", report.size());
  }
}
