package io.tributary.formats.protobuf;

import static io.tributary.formats.schema.CompatibilityLevel.BACKWARD;
import static io.tributary.formats.schema.CompatibilityLevel.FORWARD;
import static io.tributary.formats.schema.CompatibilityLevel.FULL;
import static io.tributary.formats.schema.CompatibilityLevel.FULL_TRANSITIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.formats.schema.ParsedSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufCompatibilityTest {
  private final ProtobufSchemaFormat proto = new ProtobufSchemaFormat();

  private ParsedSchema p(String body) {
    return proto.parse("syntax = \"proto3\"; package t; " + body);
  }

  private List<String> readProblems(String reader, String writer) {
    return proto.readProblems(p(reader), p(writer));
  }

  @Test
  void addingRemovingAndRenamingFieldsIsFullyCompatible() {
    ParsedSchema v1 = p("message M { string a = 1; }");
    ParsedSchema v2 = p("message M { string renamed = 1; int32 b = 2; }");
    assertThat(proto.isCompatible(v2, List.of(v1), FULL)).isTrue();
    assertThat(proto.isCompatible(v1, List.of(v2), FULL)).isTrue();
  }

  @Test
  void scalarTypesMustShareTheirWireEncoding() {
    assertThat(readProblems("message M { int64 a = 1; }", "message M { int32 a = 1; }")).isEmpty();
    assertThat(readProblems("message M { bool a = 1; }", "message M { uint64 a = 1; }")).isEmpty();
    assertThat(readProblems("message M { sfixed32 a = 1; }", "message M { fixed32 a = 1; }")).isEmpty();
    assertThat(readProblems("message M { string a = 1; }", "message M { int32 a = 1; }"))
        .singleElement().asString().contains("t.M field 1 (a)").contains("string cannot read int32");
    assertThat(readProblems("message M { sint32 a = 1; }", "message M { int32 a = 1; }")).isNotEmpty();
    assertThat(readProblems("message M { bytes a = 1; }", "message M { string a = 1; }")).isEmpty();
    assertThat(readProblems("message M { string a = 1; }", "message M { bytes a = 1; }")).isNotEmpty();
  }

  @Test
  void namedTypesMustKeepTheirName() {
    String types = "message X { int32 v = 1; } message Y { int32 v = 1; } enum E { A = 0; } enum F { B = 0; } ";
    assertThat(readProblems(types + "message M { X a = 1; }", types + "message M { Y a = 1; }")).isNotEmpty();
    assertThat(readProblems(types + "message M { E a = 1; }", types + "message M { F a = 1; }")).isNotEmpty();
    assertThat(readProblems(types + "message M { E a = 1; }", types + "message M { int32 a = 1; }")).isNotEmpty();
    // Enum values may come and go: proto3 enums are open.
    assertThat(readProblems("enum E { A = 0; } message M { E a = 1; }", "enum E { A = 0; B = 1; } message M { E a = 1; }"))
        .isEmpty();
  }

  @Test
  void messagesMayNotDisappear() {
    ParsedSchema v1 = p("message M { int32 a = 1; } message N { int32 b = 1; }");
    ParsedSchema v2 = p("message M { int32 a = 1; }");
    assertThat(proto.compatibilityProblems(v2, List.of(v1), BACKWARD)).singleElement().asString()
        .contains("t.N: message is missing");
    assertThat(proto.isCompatible(v2, List.of(v1), FORWARD)).isTrue();
    assertThat(proto.isCompatible(v1, List.of(v2), FORWARD)).isFalse();
  }

  @Test
  void labelsMapsAndOneofs() {
    assertThat(readProblems("message M { repeated int32 a = 1; }", "message M { int32 a = 1; }")).isEmpty();
    assertThat(readProblems("message M { int32 a = 1; }", "message M { repeated int32 a = 1; }"))
        .singleElement().asString().contains("values would be lost");
    assertThat(readProblems("message M { map<string, int64> a = 1; }", "message M { map<string, int32> a = 1; }"))
        .isEmpty();
    assertThat(readProblems("message M { map<string, string> a = 1; }", "message M { map<string, int32> a = 1; }"))
        .singleElement().asString().contains("value");
    assertThat(readProblems("message M { map<string, int32> a = 1; }", "message M { repeated int32 a = 1; }"))
        .isNotEmpty();
    assertThat(readProblems("message M { oneof o { int32 a = 1; int32 b = 2; } }", "message M { int32 a = 1; int32 b = 2; }"))
        .singleElement().asString().contains("oneof o");
    assertThat(readProblems("message M { oneof o { int32 a = 1; int32 b = 2; } }",
        "message M { oneof p { int32 a = 1; int32 b = 2; } }")).isEmpty();
    assertThat(readProblems("message M { int32 a = 1; int32 b = 2; }", "message M { oneof o { int32 a = 1; int32 b = 2; } }"))
        .isEmpty();
  }

  @Test
  void proto2RequiredFieldsMustAlwaysBeWritten() {
    ParsedSchema optional = proto.parse("package t; message M { optional int32 a = 1; }");
    ParsedSchema required = proto.parse("package t; message M { required int32 a = 1; }");
    ParsedSchema none = proto.parse("package t; message M { optional int32 b = 2; }");
    assertThat(proto.readProblems(required, optional)).singleElement().asString().contains("required");
    assertThat(proto.readProblems(required, none)).singleElement().asString().contains("does not have it");
    assertThat(proto.readProblems(optional, required)).isEmpty();
  }

  @Test
  void transitiveLevelsCheckEveryVersion() {
    ParsedSchema v1 = p("message M { string a = 1; }");
    ParsedSchema v2 = p("message M { }");
    ParsedSchema v3 = p("message M { int32 a = 1; }");
    assertThat(proto.isCompatible(v3, List.of(v1, v2), FULL)).isTrue();
    assertThat(proto.isCompatible(v3, List.of(v1, v2), FULL_TRANSITIVE)).isFalse();
  }
}
