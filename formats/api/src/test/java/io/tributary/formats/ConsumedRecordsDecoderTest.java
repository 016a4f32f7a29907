package io.tributary.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.RecordPart;
import io.tributary.core.produce.RecordHeader;
import io.tributary.formats.ConsumedRecordsDecoder.DecodedRecord;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumedRecordsDecoderTest {
  private static final byte[] HEADER = {0, 0, 0, 0, 9};

  @Test
  void aReadIsDecodedWithOneCallPerPartAndHeaderFramedIdsAreHandedOn() {
    FakeConverter converter = new FakeConverter();
    List<ConsumedRecord> records = List.of(record("k1", "v1", List.of()),
        record(null, "v2", List.of(new RecordHeader("__value_schema_id", HEADER))), record("k3", null, List.of()));

    List<DecodedRecord> decoded = ConsumedRecordsDecoder.decode(records, EmbeddedFormat.PROTOBUF, converter).result();

    assertThat(converter.decodes).extracting(r -> r.part()).containsExactly(RecordPart.KEY, RecordPart.VALUE);
    assertThat(converter.decodes).allSatisfy(r -> assertThat(r.format()).isEqualTo(EmbeddedFormat.PROTOBUF));
    assertThat(converter.decodes.get(1).values().get(1).schemaIdHeader()).isEqualTo(HEADER);
    assertThat(converter.decodes.get(1).values().get(0).schemaIdHeader()).isNull();
    assertThat(decoded).extracting(DecodedRecord::key).containsExactly("k1", null, "k3");
    assertThat(decoded).extracting(DecodedRecord::value).containsExactly("v1", "v2", null);
    assertThat(decoded.get(2).record()).isSameAs(records.get(2));
  }

  @Test
  void aPartThatIsNullThroughoutCostsNoCall() {
    FakeConverter converter = new FakeConverter();

    List<DecodedRecord> decoded = ConsumedRecordsDecoder.decode(List.of(record(null, "v", List.of())),
        EmbeddedFormat.AVRO, converter).result();

    assertThat(converter.decodes).extracting(r -> r.part()).containsExactly(RecordPart.VALUE);
    assertThat(decoded.get(0).key()).isNull();
    assertThat(ConsumedRecordsDecoder.decode(List.of(), EmbeddedFormat.AVRO, converter).result()).isEmpty();
    assertThat(converter.decodes).hasSize(1);
  }

  @Test
  void aFailureOfEitherPartFailsTheRead() {
    FakeConverter converter = new FakeConverter()
        .failing(RecordPart.VALUE, ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE.toException("down"));

    Future<List<DecodedRecord>> read = ConsumedRecordsDecoder.decode(List.of(record("k", "v", List.of())),
        EmbeddedFormat.AVRO, converter);

    assertThat(read.cause()).isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.code())
        .isEqualTo(50303));
  }

  @Test
  void builtInFormatsNeedNoConverterAndBadBytesAreA50002() {
    FakeConverter converter = new FakeConverter();

    assertThat(ConsumedRecordsDecoder.decode(List.of(record("k", "{\"a\":1}", List.of())), EmbeddedFormat.BINARY,
        converter).result().get(0).key()).isEqualTo("aw==");
    Future<List<DecodedRecord>> notJson = ConsumedRecordsDecoder.decode(List.of(record(null, "{", List.of())),
        EmbeddedFormat.JSON, converter);
    assertThat(notJson.cause()).isInstanceOfSatisfying(TributaryException.class, e -> {
      assertThat(e.code()).isEqualTo(50002);
      assertThat(e.getMessage()).startsWith("Kafka error: cannot represent a consumed record");
    });
    assertThat(converter.decodes).isEmpty();
  }

  private static ConsumedRecord record(String key, String value, List<RecordHeader> headers) {
    return new ConsumedRecord("t", 0, 0, bytes(key), bytes(value), 0, headers);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
