package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.ErrorCode;
import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.tributary.produce.v3.RecordOutcome.Refused;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class V3ReceiptsTest {
  private static final Written WRITTEN = new Written(2, 41, 1_678_370_843_592L,
      new DataReport(V3DataType.BINARY, 7), new DataReport(V3DataType.JSON, -1));

  @Test
  void aWrittenRecordsReceiptHasKafkaRestsShape() {
    JsonObject receipt = new JsonObject(V3Receipts.streamReceipt(WRITTEN, "lkc-\"1\"", "t"));

    assertThat(receipt).isEqualTo(new JsonObject().put("error_code", 200).put("cluster_id", "lkc-\"1\"")
        .put("topic_name", "t").put("partition_id", 2).put("offset", 41L)
        .put("timestamp", "2023-03-09T14:07:23.592Z")
        .put("key", new JsonObject().put("type", "BINARY").put("size", 7))
        .put("value", new JsonObject().put("type", "JSON").put("size", -1)));
  }

  @Test
  void schemaDataReportsItsSubjectIdAndVersionBeforeTheSize() {
    Written written = new Written(0, 1, 0, null, new DataReport(V3DataType.AVRO, "t-value", 4, 2, 15));

    String receipt = V3Receipts.streamReceipt(written, "c", "t");

    assertThat(receipt).endsWith(",\"value\":{\"type\":\"AVRO\",\"subject\":\"t-value\",\"schema_id\":4,"
        + "\"schema_version\":2,\"size\":15}}");
  }

  @Test
  void absentKeyAndValueAreLeftOut() {
    JsonObject receipt = new JsonObject(V3Receipts.streamReceipt(new Written(0, 0, 0, null, null), "c", "t"));

    assertThat(receipt.fieldNames()).doesNotContain("key", "value");
    assertThat(receipt.getString("timestamp")).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void aRefusalCarriesCodeAndMessageOnly() {
    assertThat(new JsonObject(V3Receipts.streamReceipt(new Refused(400, "Bad \"x\"\n"), "c", "t")))
        .isEqualTo(new JsonObject().put("error_code", 400).put("message", "Bad \"x\"\n"));
  }

  @Test
  void theUnprocessableFamilyIsFoldedInto422() {
    Refused folded = RecordOutcome.refused(ErrorCode.SERIALIZATION_FAILED.toException("Error serializing message."));

    assertThat(folded).isEqualTo(new Refused(422, "Error: 42207 : Error serializing message."));
    assertThat(RecordOutcome.refused(ErrorCode.PARTITION_NOT_FOUND.toException()))
        .isEqualTo(new Refused(40402, "Partition not found."));
  }

  @Test
  void batchEntriesCarryTheirIds() {
    assertThat(new JsonObject(V3Receipts.batchSuccess("a-1", WRITTEN, "c", "t")).getString("id")).isEqualTo("a-1");
    assertThat(new JsonObject(V3Receipts.batchSuccess("a-1", WRITTEN, "c", "t")).fieldNames())
        .doesNotContain("error_code");
    assertThat(new JsonObject(V3Receipts.batchFailure("b", new Refused(429, "slow down"))))
        .isEqualTo(new JsonObject().put("id", "b").put("error_code", 429).put("message", "slow down"));
  }
}
