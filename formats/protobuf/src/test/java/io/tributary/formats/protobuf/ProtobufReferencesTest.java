package io.tributary.formats.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.ResolvedReference;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protobuf schemas importing the files of their schema references. */
class ProtobufReferencesTest {
  private static final String MONEY = "syntax = \"proto3\";\npackage common;\n"
      + "message Money { string currency = 1; int64 units = 2; }\n";
  private static final String ORDER = "syntax = \"proto3\";\npackage shop;\nimport \"common/money.proto\";\n"
      + "import \"google/protobuf/timestamp.proto\";\n"
      + "message Order { string item = 1; common.Money price = 2; google.protobuf.Timestamp at = 3; }\n";
  private static final List<ResolvedReference> REFS = List.of(new ResolvedReference("common/money.proto", MONEY));

  private final ProtobufSchemaFormat proto = new ProtobufSchemaFormat();

  @Test
  void anImportResolvesToTheReferenceOfThatPathAndDataRoundTrips() {
    ProtobufParsedSchema order = proto.parse(ORDER, REFS);
    JsonObject value = new JsonObject().put("item", "tea")
        .put("price", new JsonObject().put("currency", "EUR").put("units", "3"))
        .put("at", "2026-12-05T10:00:00Z");

    byte[] payload = proto.jsonToPayload(order, value);

    assertThat(proto.payloadToJson(order, payload)).isEqualTo(value);
    assertThat(order.message().findFieldByName("price").getMessageType().getFile().getName())
        .isEqualTo("common/money.proto");
    assertThat(order.canonical()).contains("import \"common/money.proto\";");
  }

  @Test
  void theSerializedDescriptorNamesItsImportsByPathAndParsesBackToTheSameSchema() throws Exception {
    ProtobufParsedSchema order = proto.parse(ORDER, REFS);

    String serialized = proto.formatted(order, "serialized");
    FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized));

    assertThat(file.getDependencyList()).containsExactly("common/money.proto", "google/protobuf/timestamp.proto");
    assertThat(file.getMessageType(0).getField(1).getTypeName()).isEqualTo(".common.Money");
    assertThat(proto.parse(serialized, REFS).sameAs(order)).isTrue();
    // resolved cannot inline another package's file: the text, as Confluent's registry answers.
    assertThat(proto.formatted(order, "resolved")).isEqualTo(order.canonical());
  }

  @Test
  void importsOfImportsAreBuiltDependenciesFirst() {
    String currency = "syntax = \"proto3\";\npackage common;\nenum Currency { EUR = 0; USD = 1; }\n";
    String money = "syntax = \"proto3\";\npackage common;\nimport \"common/currency.proto\";\n"
        + "message Money { Currency currency = 1; int64 units = 2; }\n";

    ProtobufParsedSchema order = proto.parse(ORDER, List.of(new ResolvedReference("common/currency.proto", currency),
        new ResolvedReference("common/money.proto", money)));

    assertThat(order.message().findFieldByName("price").getMessageType().findFieldByName("currency")
        .getEnumType().getFullName()).isEqualTo("common.Currency");
  }

  @Test
  void anImportWithoutAMatchingReferenceIsAnInvalidSchema() {
    assertThatThrownBy(() -> proto.parse(ORDER, List.of()))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("import \"common/money.proto\" has no schema reference");
    assertThatThrownBy(() -> proto.parse(ORDER, List.of(new ResolvedReference("other.proto", MONEY))))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("common/money.proto");
    assertThatThrownBy(() -> proto.parse(ORDER, List.of(new ResolvedReference("common/money.proto", "nope {"))))
        .isInstanceOf(InvalidSchemaException.class).hasMessageContaining("referenced schema 'common/money.proto'");
  }

  @Test
  void compatibilityComparesTheImportedTypes() {
    String money2 = MONEY.replace("int64 units = 2;", "string units = 2;");
    ProtobufParsedSchema v1 = proto.parse(ORDER, REFS);
    ProtobufParsedSchema v2 = proto.parse(ORDER, List.of(new ResolvedReference("common/money.proto", money2)));

    assertThat(proto.compatibilityProblems(v1, List.of(v1), CompatibilityLevel.FULL)).isEmpty();
    assertThat(proto.compatibilityProblems(v2, List.of(v1), CompatibilityLevel.BACKWARD)).isNotEmpty();
  }
}
