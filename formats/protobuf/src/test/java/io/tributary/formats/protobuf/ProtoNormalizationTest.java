package io.tributary.formats.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtoNormalizationTest {
  private final ProtobufSchemaFormat format = new ProtobufSchemaFormat();

  private static final String ORDERED = """
      syntax = "proto3";
      package shop;
      import "google/protobuf/timestamp.proto";
      import "google/protobuf/duration.proto";
      option java_package = "a.b";
      option java_multiple_files = true;
      enum Kind { KIND_UNSET = 0; KIND_X = 1; }
      message Order {
        Line line = 1;
        Kind kind = 2;
        map<string, Line> lines = 3;
        google.protobuf.Timestamp at = 4;
        oneof choice { string s = 6; int32 i = 5; }
        message Line { int32 qty = 1; }
      }
      """;

  private static final String SHUFFLED = """
      // a comment
      syntax = "proto3";
      package shop;
      import "google/protobuf/duration.proto";
      import "google/protobuf/timestamp.proto";
      option java_multiple_files = true;
      option java_package = "a.b";
      message Order {
        message Line { int32 qty = 1; }
        map<string, .shop.Order.Line> lines = 3;
        .google.protobuf.Timestamp at = 4;
        shop.Kind kind = 2;
        Order.Line line = 1;
        oneof choice { int32 i = 5; string s = 6; }
      }
      enum Kind { KIND_X = 1; KIND_UNSET = 0; }
      """;

  @Test
  void importsOptionsFieldsAndNameSpellingsCountUntilNormalized() {
    ProtobufParsedSchema ordered = format.parse(ORDERED);
    ProtobufParsedSchema shuffled = format.parse(SHUFFLED);

    assertThat(ordered.canonical()).isNotEqualTo(shuffled.canonical());
    assertThat(format.normalizedText(ordered)).isEqualTo(format.normalizedText(shuffled));
  }

  @Test
  void normalizedTextQualifiesNamesAndParsesToItself() {
    String normalized = format.normalizedText(format.parse(SHUFFLED));

    assertThat(normalized).contains(".shop.Order.Line line = 1;").contains(".shop.Kind kind = 2;")
        .contains("map<string, .shop.Order.Line> lines = 3;").doesNotContain("a comment");
    assertThat(normalized.indexOf("duration.proto")).isLessThan(normalized.indexOf("timestamp.proto"));
    assertThat(normalized.indexOf("java_multiple_files")).isLessThan(normalized.indexOf("java_package"));
    assertThat(normalized.indexOf("int32 i = 5")).isLessThan(normalized.indexOf("string s = 6"));
    assertThat(normalized.indexOf("KIND_UNSET")).isLessThan(normalized.indexOf("KIND_X"));
    assertThat(normalized.indexOf("message Order")).isLessThan(normalized.indexOf("enum Kind"));
    assertThat(format.parse(normalized).canonical()).isEqualTo(normalized);
    assertThat(format.normalizedText(format.parse(normalized))).isEqualTo(normalized);
  }

  @Test
  void reservedStatementsAreSplitAndOrdered() {
    String one = "syntax = \"proto3\";\nmessage A {\n  reserved 5, 2 to 3;\n  int32 x = 1;\n  reserved \"y\";\n}\n"
        + "enum E {\n  E0 = 0;\n  reserved 9, 7;\n}\n";
    String other = "syntax = \"proto3\";\nmessage A {\n  int32 x = 1;\n  reserved \"y\";\n  reserved 2 to 3;\n"
        + "  reserved 5;\n}\nenum E {\n  reserved 7;\n  reserved 9;\n  E0 = 0;\n}\n";

    String normalized = format.normalizedText(format.parse(one));

    assertThat(normalized).isEqualTo(format.normalizedText(format.parse(other)));
    assertThat(normalized.indexOf("reserved 2 to 3;")).isLessThan(normalized.indexOf("reserved 5;"));
    assertThat(normalized.indexOf("reserved 5;")).isLessThan(normalized.indexOf("reserved \"y\";"));
    assertThat(format.normalizedText(format.parse(normalized))).isEqualTo(normalized);
  }

  @Test
  void theOrderOfMessagesIsKeptForTheMessageIndexes() {
    String ab = "syntax = \"proto3\";\nmessage A { int32 x = 1; }\nmessage B { int32 y = 1; }\n";
    String ba = "syntax = \"proto3\";\nmessage B { int32 y = 1; }\nmessage A { int32 x = 1; }\n";

    assertThat(format.normalizedText(format.parse(ab))).isNotEqualTo(format.normalizedText(format.parse(ba)));
  }

  @Test
  void proto2SyntaxIsTheDefault() {
    String explicit = "syntax = \"proto2\";\nmessage A { optional int32 x = 1; }\n";
    String implicit = "message A { optional int32 x = 1; }\n";

    assertThat(format.normalizedText(format.parse(explicit))).isEqualTo(format.normalizedText(format.parse(implicit)));
  }
}
