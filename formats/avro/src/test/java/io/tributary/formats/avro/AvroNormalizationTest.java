package io.tributary.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvroNormalizationTest {
  private final AvroSchemaFormat format = new AvroSchemaFormat();

  private static final String PROPS_BA = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"owner\":\"b\","
      + "\"app\":\"a\",\"aliases\":[\"Z\",\"Y\"],\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"x\":1,\"w\":2}]}";
  private static final String PROPS_AB = "{\"fields\":[{\"w\":2,\"type\":\"int\",\"name\":\"f\",\"x\":1}],"
      + "\"aliases\":[\"Y\",\"Z\"],\"app\":\"a\",\"owner\":\"b\",\"name\":\"n.R\",\"type\":\"record\"}";

  @Test
  void theOrderOfCustomPropertiesAndAliasesCountsUntilNormalized() {
    AvroParsedSchema first = format.parse(PROPS_BA);
    AvroParsedSchema second = format.parse(PROPS_AB);

    assertThat(first.canonical()).isNotEqualTo(second.canonical());
    assertThat(format.normalizedText(first)).isEqualTo(format.normalizedText(second));
  }

  @Test
  void normalizedTextIsSortedAndParsesToItself() {
    String normalized = format.normalizedText(format.parse(PROPS_BA));

    assertThat(normalized).contains("\"aliases\":[\"Y\",\"Z\"]").contains("\"app\":\"a\",\"owner\":\"b\"")
        .contains("\"w\":2,\"x\":1");
    assertThat(format.parse(normalized).canonical()).isEqualTo(normalized);
    assertThat(format.normalizedText(format.parse(normalized))).isEqualTo(normalized);
  }

  @Test
  void whatCarriesMeaningKeepsItsOrder() {
    String ab = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"int\"]},"
        + "{\"name\":\"b\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"Y\",\"X\"]}}]}";
    String ba = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":{\"type\":\"enum\","
        + "\"name\":\"E\",\"symbols\":[\"Y\",\"X\"]}},{\"name\":\"a\",\"type\":[\"null\",\"int\"]}]}";

    String normalized = format.normalizedText(format.parse(ab));

    assertThat(normalized).isNotEqualTo(format.normalizedText(format.parse(ba)));
    assertThat(normalized).contains("[\"null\",\"int\"]").contains("[\"Y\",\"X\"]");
  }
}
