package io.tributary.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProduceRecordsReaderTest {
  private static final EmbeddedCodec BINARY = EmbeddedCodec.builtIn(EmbeddedFormat.BINARY).orElseThrow();
  private static final EmbeddedCodec JSON = EmbeddedCodec.builtIn(EmbeddedFormat.JSON).orElseThrow();
  // v1-like rules: a path partition is exclusive and codec refusals are 422 with the codec's message.
  private static final ProduceRecordsReader EXCLUSIVE = new ProduceRecordsReader(
      RecordPartition.REFUSED_ON_PARTITION_PATH,
      (e, data) -> ErrorCode.UNPROCESSABLE_ENTITY.toException(e.getMessage()));
  // v2-like rules: a record's partition overrides the path's; refusals are phrased by the caller with the data.
  private static final ProduceRecordsReader OVERRIDING = new ProduceRecordsReader(RecordPartition.OVERRIDES_PATH,
      (e, data) -> ErrorCode.BAD_REQUEST.toException(e.part().label() + " data=" + Json.encode(data)));

  @Test
  void binaryRecordsAreDecodedWithTheirPartitions() {
    List<OutgoingRecord> records = EXCLUSIVE.forTopic(new JsonObject(
        "{\"records\":[{\"key\":\"a2V5\",\"value\":\"Y29uZmx1ZW50\",\"partition\":1},{\"value\":\"bG9ncw==\"}]}"),
        BINARY);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).key()).isEqualTo(utf8("key"));
    assertThat(records.get(0).value()).isEqualTo(utf8("confluent"));
    assertThat(records.get(0).partition()).isEqualTo(1);
    assertThat(records.get(1).key()).isNull();
    assertThat(records.get(1).value()).isEqualTo(utf8("logs"));
    assertThat(records.get(1).partition()).isNull();
  }

  @Test
  void schemaFieldsAreAcceptedAndIgnoredOutsideTheSchemaFormats() {
    List<OutgoingRecord> records = EXCLUSIVE.forTopic(new JsonObject("{\"key_schema\":\"x\","
        + "\"value_schema\":null,\"key_schema_id\":1,\"value_schema_id\":2,\"records\":[{\"value\":\"AA==\"}]}"),
        BINARY);

    assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).containsExactly(0));
  }

  @Test
  void jsonValuesBecomeCompactJsonText() {
    List<OutgoingRecord> records = EXCLUSIVE.forTopic(new JsonObject(
        "{\"records\":[{\"key\":\"k\",\"value\":{ \"a\" : [1, 2.5, null] }},{\"value\":null}]}"), JSON);

    assertThat(records.get(0).key()).isEqualTo(utf8("\"k\""));
    assertThat(records.get(0).value()).isEqualTo(utf8("{\"a\":[1,2.5,null]}"));
    assertThat(records.get(1).value()).isNull();
  }

  @Test
  void partitionProduceSendsEveryRecordToThePathPartition() {
    JsonObject body = new JsonObject("{\"records\":[{\"value\":\"AA==\"},{\"key\":\"AQ==\",\"value\":\"Ag==\"}]}");

    assertThat(EXCLUSIVE.forPartition(body, BINARY, 2)).extracting(OutgoingRecord::partition).containsExactly(2, 2);
    assertThat(OVERRIDING.forPartition(body, BINARY, 2)).extracting(OutgoingRecord::partition)
        .containsExactly(2, 2);
  }

  @Test
  void whereTheRulesSaySoARecordsPartitionOverridesThePath() {
    List<OutgoingRecord> records = OVERRIDING.forPartition(new JsonObject(
        "{\"records\":[{\"value\":\"AA==\",\"partition\":0},{\"value\":\"AQ==\"}]}"), BINARY, 1);

    assertThat(records).extracting(OutgoingRecord::partition).containsExactly(0, 1);
  }

  @Test
  void otherwisePartitionProduceRecordsMayNotNameAPartition() {
    assertThatThrownBy(() -> EXCLUSIVE.forPartition(
        new JsonObject("{\"records\":[{\"value\":\"AA==\",\"partition\":0}]}"), BINARY, 0))
        .isInstanceOfSatisfying(TributaryException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("Unrecognized field: partition");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"records\":null}", "{\"records\":[]}"})
  void recordsAreRequired(String body) {
    assertRejected(body, BINARY, "records may not be empty");
  }

  @Test
  void unknownFieldsAreRejectedAtTheTopAndInRecords() {
    assertRejected("{\"records\":[{\"value\":\"AA==\"}],\"extra\":1}", BINARY, "Unrecognized field: extra");
    assertRejected("{\"records\":[{\"vlaue\":\"AA==\"}]}", BINARY, "Unrecognized field: vlaue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "\"0\"", "true", "4294967296"})
  void aPartitionMustBeANonNegativeInteger(String partition) {
    assertRejected("{\"records\":[{\"value\":\"AA==\",\"partition\":" + partition + "}]}", BINARY,
        "records[0].partition must be a non-negative integer");
  }

  @Test
  void recordsMustBeAnArrayOfObjects() {
    assertRejected("{\"records\":{\"value\":\"AA==\"}}", BINARY, "records must be a JSON array");
    assertRejected("{\"records\":[{\"value\":\"AA==\"},\"AA==\"]}", BINARY, "records[1] must be a JSON object");
  }

  @Test
  void invalidBase64IsReportedForTheKeyOrTheValue() {
    assertRejected("{\"records\":[{\"value\":\"AA==\"},{\"key\":\"not base64!\",\"value\":\"AA==\"}]}", BINARY,
        "Record key contains invalid base64 encoding");
    assertRejected("{\"records\":[{\"value\":\"%%%\"}]}", BINARY, "Record value contains invalid base64 encoding");
    assertRejected("{\"records\":[{\"value\":42}]}", BINARY, "Record value contains invalid base64 encoding");
  }

  @Test
  void theCallerPhrasesACodecRefusalWithTheRefusedData() {
    JsonObject body = new JsonObject("{\"records\":[{\"key\":{\"a\":1},\"value\":\"AA==\"}]}");

    assertThatThrownBy(() -> OVERRIDING.forTopic(body, BINARY))
        .isInstanceOfSatisfying(TributaryException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("key data={\"a\":1}");
        });
  }

  private static void assertRejected(String body, EmbeddedCodec codec, String message) {
    assertThatThrownBy(() -> EXCLUSIVE.forTopic(new JsonObject(body), codec))
        .isInstanceOfSatisfying(TributaryException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
