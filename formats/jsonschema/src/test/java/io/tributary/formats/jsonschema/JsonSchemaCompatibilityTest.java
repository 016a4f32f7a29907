package io.tributary.formats.jsonschema;

import static io.tributary.formats.schema.CompatibilityLevel.BACKWARD;
import static io.tributary.formats.schema.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.tributary.formats.schema.CompatibilityLevel.FORWARD;
import static io.tributary.formats.schema.CompatibilityLevel.FULL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.formats.schema.ParsedSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaCompatibilityTest {
  private final JsonSchemaFormat json = new JsonSchemaFormat();

  private ParsedSchema s(String text) {
    return json.parse(text);
  }

  private List<String> readProblems(String reader, String writer) {
    return json.readProblems(s(reader), s(writer));
  }

  @Test
  void identicalAndWhitespaceVariantSchemasAreCompatible() {
    String a = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    assertThat(json.isCompatible(s(a), List.of(s(a.replace(":", " : "))), FULL)).isTrue();
  }

  @Test
  void addingAPropertyToAnOpenContentModelIsForwardButNotBackwardCompatible() {
    ParsedSchema v1 = s("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    ParsedSchema v2 = s("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}}}");
    // Old data may already carry any "b" (the old schema allowed additional properties), which the new one rejects.
    assertThat(json.compatibilityProblems(v2, List.of(v1), BACKWARD)).singleElement().asString()
        .contains("#/properties/b").contains("additional property");
    assertThat(json.isCompatible(v2, List.of(v1), FORWARD)).isTrue();
  }

  @Test
  void addingAPropertyToAClosedContentModelIsBackwardButNotForwardCompatible() {
    ParsedSchema v1 = s("""
        {"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""");
    ParsedSchema v2 = s("""
        {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"additionalProperties":false}""");
    assertThat(json.isCompatible(v2, List.of(v1), BACKWARD)).isTrue();
    assertThat(json.compatibilityProblems(v2, List.of(v1), FORWARD)).singleElement().asString()
        .contains("additionalProperties is false");
  }

  @Test
  void newRequiredPropertiesBreakBackward() {
    assertThat(readProblems(
        "{\"type\":\"object\",\"properties\":{\"a\":{}},\"required\":[\"a\"]}",
        "{\"type\":\"object\",\"properties\":{\"a\":{}}}"))
        .singleElement().asString().contains("'a' is required");
  }

  @Test
  void typesMayWidenForTheReaderOnly() {
    assertThat(readProblems("{\"type\":\"number\"}", "{\"type\":\"integer\"}")).isEmpty();
    assertThat(readProblems("{\"type\":\"integer\"}", "{\"type\":\"number\"}")).isNotEmpty();
    assertThat(readProblems("{\"type\":[\"string\",\"null\"]}", "{\"type\":\"string\"}")).isEmpty();
    assertThat(readProblems("{\"type\":\"string\"}", "{}")).singleElement().asString().contains("without constraint");
    assertThat(readProblems("{}", "{\"type\":\"string\"}")).isEmpty();
    assertThat(readProblems("{\"type\":\"string\"}", "{\"enum\":[\"a\",\"b\"]}")).isEmpty();
  }

  @Test
  void valuesAndBoundsMayOnlyLoosenForTheReader() {
    assertThat(readProblems("{\"enum\":[\"a\",\"b\",\"c\"]}", "{\"enum\":[\"a\",\"b\"]}")).isEmpty();
    assertThat(readProblems("{\"enum\":[\"a\"]}", "{\"enum\":[\"a\",\"b\"]}")).singleElement().asString()
        .contains("value b");
    assertThat(readProblems("{\"enum\":[1]}", "{\"const\":1.0}")).isEmpty();
    assertThat(readProblems("{\"type\":\"string\",\"maxLength\":10}", "{\"type\":\"string\",\"maxLength\":5}")).isEmpty();
    assertThat(readProblems("{\"type\":\"string\",\"maxLength\":5}", "{\"type\":\"string\",\"maxLength\":10}"))
        .isNotEmpty();
    assertThat(readProblems("{\"type\":\"number\",\"minimum\":0}", "{\"type\":\"number\",\"exclusiveMinimum\":0}"))
        .isEmpty();
    assertThat(readProblems("{\"type\":\"number\",\"exclusiveMinimum\":0}", "{\"type\":\"number\",\"minimum\":0}"))
        .isNotEmpty();
    assertThat(readProblems("{\"type\":\"integer\",\"multipleOf\":2}", "{\"type\":\"integer\",\"multipleOf\":4}"))
        .isEmpty();
    assertThat(readProblems("{\"type\":\"integer\",\"multipleOf\":4}", "{\"type\":\"integer\",\"multipleOf\":2}"))
        .isNotEmpty();
    // A bound on strings does not matter when the writer only writes numbers.
    assertThat(readProblems("{\"type\":[\"number\",\"string\"],\"maxLength\":1}", "{\"type\":\"number\"}")).isEmpty();
  }

  @Test
  void arraysCompareTheirItems() {
    assertThat(readProblems("{\"type\":\"array\",\"items\":{\"type\":\"number\"}}",
        "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}")).isEmpty();
    assertThat(readProblems("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}",
        "{\"type\":\"array\",\"items\":{\"type\":\"number\"}}")).singleElement().asString().contains("#/items/type");
    assertThat(readProblems("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "{\"type\":\"array\"}"))
        .isNotEmpty();
  }

  @Test
  void followsLocalReferencesAndSurvivesRecursion() {
    String tree = """
        {"type":"object","properties":{"value":{"type":"%s"},"children":{"type":"array","items":{"$ref":"#"}}}}""";
    assertThat(readProblems(tree.formatted("number"), tree.formatted("integer"))).isEmpty();
    assertThat(readProblems(tree.formatted("integer"), tree.formatted("number"))).isNotEmpty();
    assertThat(readProblems(
        "{\"definitions\":{\"n\":{\"type\":\"number\"}},\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"#/definitions/n\"}}}",
        "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"}}}")).isEmpty();
  }

  @Test
  void splitsWriterAlternativesAndMatchesReaderAlternatives() {
    assertThat(readProblems("{\"type\":[\"string\",\"integer\"]}",
        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}")).isEmpty();
    assertThat(readProblems("{\"type\":\"string\"}",
        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}")).singleElement().asString().contains("oneOf/1");
    assertThat(readProblems("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "{\"type\":\"integer\"}"))
        .isEmpty();
    assertThat(readProblems("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "{\"type\":\"boolean\"}"))
        .singleElement().asString().contains("no alternative");
    assertThat(readProblems("{\"allOf\":[{\"type\":\"object\"},{\"required\":[\"a\"]}]}",
        "{\"type\":\"object\",\"required\":[\"a\",\"b\"]}")).isEmpty();
  }

  @Test
  void keywordsOutsideTheModelMustBeEqual() {
    assertThat(readProblems("{\"not\":{\"type\":\"string\"}}", "{\"not\":{\"type\":\"string\"}}")).isEmpty();
    assertThat(readProblems("{\"not\":{\"type\":\"string\"}}", "{\"type\":\"integer\"}")).singleElement().asString()
        .contains("#/not");
    assertThat(readProblems("{\"title\":\"new\",\"type\":\"string\"}", "{\"title\":\"old\",\"type\":\"string\"}"))
        .isEmpty();
  }

  @Test
  void transitiveLevelsCheckEveryVersion() {
    ParsedSchema integer = s("{\"type\":\"integer\"}");
    ParsedSchema number = s("{\"type\":\"number\"}");
    ParsedSchema string = s("{\"type\":[\"integer\",\"string\"]}");
    assertThat(json.isCompatible(string, List.of(number, integer), BACKWARD)).isTrue();
    assertThat(json.isCompatible(string, List.of(number, integer), BACKWARD_TRANSITIVE)).isFalse();
  }
}
