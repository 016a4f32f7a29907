package io.tributary.formats.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.InvalidSchemaException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {
  private record Named(Optional<String> recordName) implements ParsedSchema {
    @Override
    public SchemaType type() {
      return SchemaType.AVRO;
    }

    @Override
    public String canonical() {
      return "{}";
    }
  }

  private static final ParsedSchema RECORD = new Named(Optional.of("com.acme.Order"));
  private static final ParsedSchema ANONYMOUS = new Named(Optional.empty());

  @Test
  void topicNameAddsTheKeyOrValueSuffix() {
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("orders", true, null)).isEqualTo("orders-key");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("orders", false, RECORD)).isEqualTo("orders-value");
    assertThat(SubjectNameStrategy.TOPIC_NAME.needsSchema()).isFalse();
  }

  @Test
  void recordStrategiesUseTheRecordNameWithoutSuffix() {
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("orders", false, RECORD)).isEqualTo("com.acme.Order");
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("orders", true, RECORD)).isEqualTo("com.acme.Order");
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("orders", true, RECORD))
        .isEqualTo("orders-com.acme.Order");
    assertThat(SubjectNameStrategy.RECORD_NAME.needsSchema()).isTrue();
  }

  @Test
  void recordStrategiesNeedANamedSchema() {
    assertThatThrownBy(() -> SubjectNameStrategy.RECORD_NAME.subject("t", false, ANONYMOUS))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("RECORD_NAME");
    assertThatThrownBy(() -> SubjectNameStrategy.TOPIC_RECORD_NAME.subject("t", false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesEnumAndConfluentClassNames() {
    assertThat(SubjectNameStrategy.parse("topic_record_name")).contains(SubjectNameStrategy.TOPIC_RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.RecordNameStrategy"))
        .contains(SubjectNameStrategy.RECORD_NAME);
    assertThat(SubjectNameStrategy.parse("topic")).isEmpty();
    assertThat(SubjectNameStrategy.parse(null)).isEmpty();
  }
}
