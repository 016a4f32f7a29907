package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.produce.v3.RecordOutcome.DataReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format label of the records one v3 request hands to the produce engine. */
class V3ProduceFormatTest {
  private static EncodedRecord record(V3DataType key, V3DataType value) {
    return new EncodedRecord(OutgoingRecord.of(null, null, null), key == null ? null : new DataReport(key, 1),
        value == null ? null : new DataReport(value, 1));
  }

  @Test
  void recordsCountByTheirValuesTypeElseTheirKeys() {
    assertThat(V3RecordProducer.format(List.of(record(V3DataType.STRING, V3DataType.AVRO),
        record(null, V3DataType.AVRO)))).isEqualTo(ProduceFormat.AVRO);
    assertThat(V3RecordProducer.format(List.of(record(V3DataType.STRING, null)))).isEqualTo(ProduceFormat.STRING);
    assertThat(V3RecordProducer.format(List.of(record(null, null)))).isEqualTo(ProduceFormat.BINARY);
  }

  @Test
  void recordsOfDifferentTypesAreMixed() {
    assertThat(V3RecordProducer.format(List.of(record(null, V3DataType.JSON), record(null, V3DataType.BINARY),
        record(null, V3DataType.JSON)))).isEqualTo(ProduceFormat.MIXED);
  }

  @Test
  void everyV3TypeHasAFormat() {
    for (V3DataType type : V3DataType.values()) {
      assertThat(V3RecordProducer.format(List.of(record(null, type))).label())
          .isEqualTo(type.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
