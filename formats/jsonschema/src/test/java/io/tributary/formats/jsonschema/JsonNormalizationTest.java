package io.tributary.formats.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonNormalizationTest {
  private final JsonSchemaFormat format = new JsonSchemaFormat();

  @Test
  void keyOrderCountsUntilNormalized() {
    JsonParsedSchema first = format.parse("{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},"
        + "\"a\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"b\",\"a\"]}");
    JsonParsedSchema second = format.parse("{\"required\":[\"b\",\"a\"],\"properties\":{\"a\":{\"minimum\":0,"
        + "\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}");

    assertThat(first.canonical()).isNotEqualTo(second.canonical());
    assertThat(format.normalizedText(first)).isEqualTo(format.normalizedText(second))
        .isEqualTo("{\"properties\":{\"a\":{\"minimum\":0,\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},"
            + "\"required\":[\"b\",\"a\"],\"type\":\"object\"}");
  }

  @Test
  void arraysKeepTheirOrder() {
    JsonParsedSchema schema = format.parse("{\"enum\":[\"z\",\"a\"]}");

    assertThat(format.normalizedText(schema)).isEqualTo("{\"enum\":[\"z\",\"a\"]}");
    assertThat(format.normalizedText(format.parse("true"))).isEqualTo("true");
  }
}
