package io.tributary.http;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The produce reply of Confluent's v1 and v2: one {@code offsets} entry per record, failures included, with absent
 * fields as {@code null}. The status is 200 even when records failed, except that an authentication (401) or
 * authorization (403) failure of any record becomes the status, as in kafka-rest 5.3+.
 */
public final class ProduceOffsets {
  private ProduceOffsets() {}

  /** The body of a request that used no schema: both schema ids are null. */
  public static JsonObject body(ProduceResult result, Integer reportedPartition) {
    return body(result, reportedPartition, null, null);
  }

  /**
   * @param reportedPartition a partition to report for every record, failed ones included (v1's partition
   *     endpoint did so); null reports where each record landed, and null for a failed one
   * @param keySchemaId the registry id the keys were written with (schema formats), else null
   * @param valueSchemaId the same for the values
   */
  public static JsonObject body(ProduceResult result, Integer reportedPartition, Integer keySchemaId,
      Integer valueSchemaId) {
    return new JsonObject(render(result, reportedPartition, keySchemaId, valueSchemaId));
  }

  /**
   * {@link #body(ProduceResult, Integer, Integer, Integer)} as the bytes of the response, written straight from the
   * receipts rather than through a JSON tree: a reply carries one entry per produced record.
   */
  public static Buffer render(ProduceResult result, Integer reportedPartition, Integer keySchemaId,
      Integer valueSchemaId) {
    StringBuilder out = new StringBuilder(64 + 72 * result.receipts().size()).append("{\"offsets\":[");
    boolean first = true;
    for (RecordReceipt receipt : result.receipts()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      // Absent numbers are appended as the text "null", which is what JSON wants.
      out.append("{\"partition\":").append(reportedPartition != null ? reportedPartition : receipt.partition())
          .append(",\"offset\":").append(receipt.offset())
          .append(",\"error_code\":").append(receipt.errorCode())
          .append(",\"error\":").append(receipt.error() == null ? "null" : Json.encode(receipt.error()))
          .append('}');
    }
    out.append("],\"key_schema_id\":").append(keySchemaId).append(",\"value_schema_id\":").append(valueSchemaId)
        .append('}');
    return Buffer.buffer(out.toString());
  }

  /** 401 when any record failed authentication, else 403 when any failed authorization, else 200. */
  public static int status(ProduceResult result) {
    if (anyFailedWith(result, ErrorCode.UNAUTHORIZED)) {
      return ErrorCode.UNAUTHORIZED.status();
    }
    if (anyFailedWith(result, ErrorCode.FORBIDDEN)) {
      return ErrorCode.FORBIDDEN.status();
    }
    return 200;
  }

  private static boolean anyFailedWith(ProduceResult result, ErrorCode code) {
    return result.receipts().stream().anyMatch(r -> r.errorCode() != null && r.errorCode() == code.code());
  }
}
