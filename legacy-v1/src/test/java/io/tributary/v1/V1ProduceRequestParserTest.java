package io.tributary.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.EmbeddedCodec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V1ProduceRequestParserTest {
  private static final EmbeddedCodec BINARY = EmbeddedCodec.builtIn(EmbeddedFormat.BINARY).orElseThrow();
  private static final EmbeddedCodec JSON = EmbeddedCodec.builtIn(EmbeddedFormat.JSON).orElseThrow();

  @Test
  void binaryRecordsAreDecodedWithTheirPartitions() {
    List<OutgoingRecord> records = V1ProduceRequestParser.forTopic(new JsonObject(
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
  void schemaFieldsAreAcceptedAndIgnoredOutsideAvro() {
    List<OutgoingRecord> records = V1ProduceRequestParser.forTopic(new JsonObject("{\"key_schema\":\"x\","
        + "\"value_schema\":null,\"key_schema_id\":1,\"value_schema_id\":2,\"records\":[{\"value\":\"AA==\"}]}"),
        BINARY);

    assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).containsExactly(0));
  }

  @Test
  void jsonValuesBecomeCompactJsonText() {
    List<OutgoingRecord> records = V1ProduceRequestParser.forTopic(new JsonObject(
        "{\"records\":[{\"key\":\"k\",\"value\":{ \"a\" : [1, 2.5, null] }},{\"value\":null}]}"), JSON);

    assertThat(records.get(0).key()).isEqualTo(utf8("\"k\""));
    assertThat(records.get(0).value()).isEqualTo(utf8("{\"a\":[1,2.5,null]}"));
    assertThat(records.get(1).value()).isNull();
  }

  @Test
  void partitionProduceSendsEveryRecordToThePathPartition() {
    List<OutgoingRecord> records = V1ProduceRequestParser.forPartition(new JsonObject(
        "{\"records\":[{\"value\":\"AA==\"},{\"key\":\"AQ==\",\"value\":\"Ag==\"}]}"), BINARY, 2);

    assertThat(records).extracting(OutgoingRecord::partition).containsExactly(2, 2);
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

  @Test
  void partitionProduceRecordsMayNotNameAPartition() {
    assertThatThrownBy(() -> V1ProduceRequestParser.forPartition(
        new JsonObject("{\"records\":[{\"value\":\"AA==\",\"partition\":0}]}"), BINARY, 0))
        .isInstanceOfSatisfying(TributaryException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("Unrecognized field: partition");
        });
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

  private static void assertRejected(String body, EmbeddedCodec codec, String message) {
    assertThatThrownBy(() -> V1ProduceRequestParser.forTopic(new JsonObject(body), codec))
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
