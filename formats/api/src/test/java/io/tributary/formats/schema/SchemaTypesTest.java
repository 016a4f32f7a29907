package io.tributary.formats.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.format.EmbeddedFormat;
import org.junit.jupiter.api.Test;

class SchemaTypesTest {
  @Test
  void aMissingSchemaTypeMeansAvro() {
    assertThat(SchemaType.parse(null)).contains(SchemaType.AVRO);
    assertThat(SchemaType.parse("")).contains(SchemaType.AVRO);
    assertThat(SchemaType.parse("protobuf")).contains(SchemaType.PROTOBUF);
    assertThat(SchemaType.parse("JSON")).contains(SchemaType.JSON);
    assertThat(SchemaType.parse("XML")).isEmpty();
  }

  @Test
  void mapsToTheEmbeddedFormats() {
    assertThat(SchemaType.of(EmbeddedFormat.JSONSCHEMA)).contains(SchemaType.JSON);
    assertThat(SchemaType.of(EmbeddedFormat.BINARY)).isEmpty();
    assertThat(SchemaType.PROTOBUF.embeddedFormat()).isEqualTo(EmbeddedFormat.PROTOBUF);
  }

  @Test
  void parsesCompatibilityLevels() {
    assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.forward()).isTrue();
    assertThat(CompatibilityLevel.FORWARD.backward()).isFalse();
  }
}
