package io.tributary.v1;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The v1 produce reply: one {@code offsets} entry per record, failures included, with absent fields as
 * {@code null}. The status is 200 even when records failed, except that an authentication (401) or authorization
 * (403) failure of any record becomes the status, as in kafka-rest 5.3+.
 */
final class V1ProduceResponse {
  private V1ProduceResponse() {}

  /**
   * @param pathPartition the partition of {@code POST /topics/{t}/partitions/{p}}, reported for every record
   *     (also failed ones); null for topic produce
   */
  static JsonObject body(ProduceResult result, Integer pathPartition) {
    JsonArray offsets = new JsonArray();
    for (RecordReceipt receipt : result.receipts()) {
      offsets.add(new JsonObject()
          .put("partition", pathPartition != null ? pathPartition : receipt.partition())
          .put("offset", receipt.offset())
          .put("error_code", receipt.errorCode())
          .put("error", receipt.error()));
    }
    // Schema ids are only ever set by the avro format, which this route does not serve yet.
    return new JsonObject().put("offsets", offsets).putNull("key_schema_id").putNull("value_schema_id");
  }

  static int status(ProduceResult result) {
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
