package io.tributary.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.ParsedSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {
  private final AvroSchemaFormat avro = new AvroSchemaFormat();

  private final ParsedSchema v1 = record("{\"name\":\"a\",\"type\":\"int\"}");
  private final ParsedSchema withDefault = record(
      "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
  private final ParsedSchema withoutDefault = record(
      "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");

  @Test
  void addingAFieldWithADefaultIsFullyCompatible() {
    assertThat(avro.isCompatible(withDefault, List.of(v1), CompatibilityLevel.FULL)).isTrue();
  }

  @Test
  void addingAFieldWithoutADefaultBreaksBackwardButNotForward() {
    assertThat(avro.compatibilityProblems(withoutDefault, List.of(v1), CompatibilityLevel.BACKWARD))
        .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("b");
    assertThat(avro.isCompatible(withoutDefault, List.of(v1), CompatibilityLevel.FORWARD)).isTrue();
  }

  @Test
  void removingAFieldWithoutADefaultBreaksForward() {
    assertThat(avro.isCompatible(v1, List.of(withoutDefault), CompatibilityLevel.BACKWARD)).isTrue();
    assertThat(avro.isCompatible(v1, List.of(withoutDefault), CompatibilityLevel.FORWARD)).isFalse();
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersion() {
    ParsedSchema widened = record("{\"name\":\"a\",\"type\":\"long\"}");
    // int -> long promotes (backward ok); history [long, int]: latest is int, so only transitive sees the long.
    ParsedSchema narrowed = v1;
    assertThat(avro.isCompatible(narrowed, List.of(widened, v1), CompatibilityLevel.BACKWARD)).isTrue();
    assertThat(avro.isCompatible(narrowed, List.of(widened, v1), CompatibilityLevel.BACKWARD_TRANSITIVE)).isFalse();
  }

  private ParsedSchema record(String fields) {
    return avro.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }
}
