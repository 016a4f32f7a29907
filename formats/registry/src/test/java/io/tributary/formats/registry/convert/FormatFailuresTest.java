package io.tributary.formats.registry.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.format.RecordPart;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.registry.SchemaRegistryException;
import org.junit.jupiter.api.Test;

class FormatFailuresTest {
  @Test
  void registryAnswersBecomeKafkaRestCodes() {
    assertThat(FormatFailures.registry(new SchemaRegistryException(40403, "Schema 5 not found")).code())
        .isEqualTo(42207);
    assertThat(FormatFailures.registry(new SchemaRegistryException(409, "incompatible")).code()).isEqualTo(42207);
    assertThat(FormatFailures.registry(new SchemaRegistryException(40301, "denied")).code()).isEqualTo(40301);
    assertThat(FormatFailures.registry(new SchemaRegistryException(403, "denied")).code()).isEqualTo(40301);
    assertThat(FormatFailures.registry(new SchemaRegistryException(401, "who?")).code()).isEqualTo(50303);
    assertThat(FormatFailures.registry(new SchemaRegistryException(50001, "store")).status()).isEqualTo(503);
    assertThat(FormatFailures.registry(new SchemaRegistryException(50303, "Schema registry unavailable: x"))
        .getMessage()).isEqualTo("Schema registry unavailable: x");
  }

  @Test
  void dataAndSchemaProblemsOnProduceAndConsume() {
    assertThat(FormatFailures.produce(new DataMismatchException("no")).code()).isEqualTo(42203);
    assertThat(FormatFailures.produce(new InvalidSchemaException("no")).code()).isEqualTo(42205);
    assertThat(FormatFailures.consume(new MalformedRecordException("no"), RecordPart.KEY).getMessage())
        .isEqualTo("Error deserializing key: no");
    assertThat(FormatFailures.consume(new SchemaRegistryException(40403, "gone"), RecordPart.VALUE).code())
        .isEqualTo(50002);
    assertThat(FormatFailures.consume(new SchemaRegistryException(50303, "down"), RecordPart.VALUE).code())
        .isEqualTo(50303);
  }
}
