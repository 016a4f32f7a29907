package io.tributary.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.formats.ProduceRecordsReader.PreparedRecords;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The schema formats of v1/v2 produce, through {@link ProduceRecordsReader#prepare}, with a fake converter. */
class SchemaRecordsEncoderTest {
  private static final ProduceRecordsReader READER = new ProduceRecordsReader(RecordPartition.OVERRIDES_PATH,
      (e, data) -> ErrorCode.BAD_REQUEST.toException(e.getMessage()),
      e -> e.code() == 42203 ? ErrorCode.BAD_REQUEST.toException("Bad Request: " + e.getMessage()) : e);

  @Test
  void allKeysGoInOneCallAndAllValuesInAnotherAndNullsStayKafkaNulls() {
    FakeConverter converter = new FakeConverter();

    PreparedRecords prepared = prepare("{\"key_schema\":\"\\\"string\\\"\",\"value_schema_id\":3,\"records\":["
        + "{\"key\":\"a\",\"value\":1,\"partition\":2},{\"value\":null},{\"key\":\"b\",\"value\":2}]}", converter)
        .result();

    assertThat(converter.encodes).hasSize(2);
    EncodeRequest keys = converter.encodes.get(0);
    assertThat(keys).isEqualTo(new EncodeRequest("t", RecordPart.KEY, EmbeddedFormat.AVRO,
        SchemaSpec.ofSchema("\"string\""), java.util.List.of("a", "b")));
    assertThat(converter.encodes.get(1).schema()).isEqualTo(SchemaSpec.ofId(3));
    assertThat(converter.encodes.get(1).values()).containsExactly(1, 2);
    assertThat(prepared.records()).extracting(r -> text(r.key())).containsExactly("a", null, "b");
    assertThat(prepared.records()).extracting(r -> text(r.value())).containsExactly("1", null, "2");
    assertThat(prepared.records()).extracting(r -> r.partition()).containsExactly(2, null, null);
    assertThat(prepared.keySchemaId()).isEqualTo(10);
    assertThat(prepared.valueSchemaId()).isEqualTo(20);
  }

  @Test
  void dataWithoutASchemaIsRefusedBeforeTheRegistryIsAsked() {
    FakeConverter converter = new FakeConverter();

    assertFailure(prepare("{\"value_schema\":\"x\",\"records\":[{\"key\":\"k\",\"value\":1}]}", converter), 42201);
    assertFailure(prepare("{\"key_schema\":\"x\",\"records\":[{\"key\":\"k\",\"value\":1}]}", converter), 42202);
    assertThat(converter.encodes).isEmpty();
  }

  @Test
  void aNamedSchemaIsResolvedEvenWhenAllItsDataAreNullAndAnIdWinsOverASchema() {
    FakeConverter converter = new FakeConverter();

    PreparedRecords prepared = prepare("{\"key_schema\":\"s\",\"key_schema_id\":\"7\",\"value_schema\":\"v\","
        + "\"records\":[{\"value\":1}]}", converter).result();

    assertThat(converter.encodes.get(0).schema()).isEqualTo(SchemaSpec.ofId(7));
    assertThat(converter.encodes.get(0).values()).isEmpty();
    assertThat(prepared.keySchemaId()).isEqualTo(10);
    assertThat(prepared.records().get(0).key()).isNull();
  }

  @Test
  void noSchemaAndNoDataAsksNothing() {
    FakeConverter converter = new FakeConverter();

    PreparedRecords prepared = prepare("{\"records\":[{\"value\":null}]}", converter).result();

    assertThat(converter.encodes).isEmpty();
    assertThat(prepared.keySchemaId()).isNull();
    assertThat(prepared.valueSchemaId()).isNull();
  }

  @Test
  void converterFailuresArePhrasedByTheGenerationAndTheKeysComeFirst() {
    FakeConverter converter = new FakeConverter()
        .failing(RecordPart.KEY, ErrorCode.INVALID_SCHEMA.toException("bad key schema"))
        .failing(RecordPart.VALUE, ErrorCode.JSON_CONVERSION.toException("no fit"));
    String body = "{\"key_schema\":\"k\",\"value_schema\":\"v\",\"records\":[{\"key\":1,\"value\":1}]}";

    assertFailure(prepare(body, converter), 42205);
    converter.failures.remove(RecordPart.KEY);
    Future<PreparedRecords> mismatch = prepare(body, converter);
    assertFailure(mismatch, 400);
    assertThat(mismatch.cause()).hasMessage("Bad Request: no fit");
  }

  @Test
  void schemaFieldsOfTheWrongTypeAreShapeErrors() {
    assertFailure(prepare("{\"value_schema\":{\"type\":\"int\"},\"records\":[{\"value\":1}]}", new FakeConverter()),
        422);
    assertFailure(prepare("{\"value_schema_id\":1.5,\"records\":[{\"value\":1}]}", new FakeConverter()), 422);
  }

  private static Future<PreparedRecords> prepare(String body, FakeConverter converter) {
    Future<PreparedRecords> prepared = READER.prepare(new JsonObject(body), "t", EmbeddedFormat.AVRO, null,
        converter, Principal.ANONYMOUS);
    assertThat(prepared.isComplete()).as("a fake converter answers at once").isTrue();
    return prepared;
  }

  private static void assertFailure(Future<?> future, int code) {
    assertThat(future.failed()).as("%s", future).isTrue();
    assertThat(future.cause()).isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code())
        .isEqualTo(code));
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
