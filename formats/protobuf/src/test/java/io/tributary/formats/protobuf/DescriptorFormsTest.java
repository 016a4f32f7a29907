package io.tributary.formats.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Timestamp;
import io.tributary.formats.InvalidSchemaException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A schema given as the base64 of a FileDescriptorProto (as Confluent's JS and Python serializers send it). */
class DescriptorFormsTest {
  private static final String TEXT = """
      syntax = "proto3";
      package acme;

      import "google/protobuf/timestamp.proto";

      option java_package = "com.acme";

      message Order {
        string id = 1;
        repeated Line lines = 2;
        map<string, int64> totals = 3;
        optional string note = 4;
        Status status = 5;
        google.protobuf.Timestamp at = 6;

        oneof payment {
          string card = 7;
          string iban = 8;
        }

        message Line {
          string sku = 1;
          int32 quantity = 2;
        }
      }

      enum Status {
        UNKNOWN = 0;
        PAID = 1;
      }
      """;

  private final ProtobufSchemaFormat proto = new ProtobufSchemaFormat();

  /** The descriptor protoc writes for TEXT: fully qualified names, map entry and synthetic oneof, json names. */
  static FileDescriptorProto compiled() {
    DescriptorProto line = DescriptorProto.newBuilder().setName("Line")
        .addField(field("sku", 1, Type.TYPE_STRING, null))
        .addField(field("quantity", 2, Type.TYPE_INT32, null)).build();
    DescriptorProto totals = DescriptorProto.newBuilder().setName("TotalsEntry")
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .addField(field("key", 1, Type.TYPE_STRING, null))
        .addField(field("value", 2, Type.TYPE_INT64, null)).build();
    DescriptorProto order = DescriptorProto.newBuilder().setName("Order")
        .addField(field("id", 1, Type.TYPE_STRING, null))
        .addField(field("lines", 2, Type.TYPE_MESSAGE, ".acme.Order.Line").setLabel(Label.LABEL_REPEATED))
        .addField(field("totals", 3, Type.TYPE_MESSAGE, ".acme.Order.TotalsEntry").setLabel(Label.LABEL_REPEATED))
        .addField(field("note", 4, Type.TYPE_STRING, null).setProto3Optional(true).setOneofIndex(1))
        .addField(field("status", 5, Type.TYPE_ENUM, ".acme.Status"))
        .addField(field("at", 6, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp"))
        .addField(field("card", 7, Type.TYPE_STRING, null).setOneofIndex(0))
        .addField(field("iban", 8, Type.TYPE_STRING, null).setOneofIndex(0))
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("payment"))
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_note"))
        .addNestedType(line).addNestedType(totals).build();
    return FileDescriptorProto.newBuilder().setName("acme/order.proto").setPackage("acme").setSyntax("proto3")
        .addDependency("google/protobuf/timestamp.proto")
        .setOptions(FileOptions.newBuilder().setJavaPackage("com.acme"))
        .addMessageType(order)
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Status")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("UNKNOWN").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("PAID").setNumber(1)))
        .build();
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type, String typeName) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setLabel(Label.LABEL_OPTIONAL).setType(type).setJsonName(DescriptorText.defaultJsonName(name));
    return typeName == null ? field : field.setTypeName(typeName);
  }

  private static String base64(FileDescriptorProto file) {
    return Base64.getEncoder().encodeToString(file.toByteArray());
  }

  @Test
  void aDescriptorIsReadAsTheTextItWasCompiledFrom() {
    ProtobufParsedSchema fromText = proto.parse(TEXT);
    ProtobufParsedSchema fromDescriptor = proto.parse(base64(compiled()));

    assertThat(fromDescriptor.canonical()).isEqualTo(fromText.canonical());
    assertThat(fromDescriptor).isEqualTo(fromText);
    assertThat(fromDescriptor.sameAs(fromText)).isTrue();
    assertThat(fromDescriptor.recordName()).contains("acme.Order");
  }

  @Test
  void theSerializedFormIsTheResolvedDescriptorAndReadsBackAsTheSameSchema() throws Exception {
    ProtobufParsedSchema fromText = proto.parse(TEXT);
    String serialized = proto.formatted(fromText, "serialized");

    FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized));
    DescriptorProto order = file.getMessageType(0);
    assertThat(order.getField(1).getTypeName()).isEqualTo(".acme.Order.Line");
    assertThat(order.getField(4).getType()).isEqualTo(Type.TYPE_ENUM);
    assertThat(order.getField(4).getTypeName()).isEqualTo(".acme.Status");
    assertThat(order.getField(5).getTypeName()).isEqualTo(".google.protobuf.Timestamp");
    assertThat(file.getDependencyList()).containsExactly("google/protobuf/timestamp.proto");

    assertThat(proto.parse(serialized).sameAs(fromText)).isTrue();
    assertThat(proto.formatted(fromText, "resolved")).isEqualTo(fromText.canonical());
    assertThat(proto.formatted(fromText, null)).isEqualTo(fromText.canonical());
    assertThat(Timestamp.getDescriptor().getFile().getName()).isEqualTo(file.getDependency(0));
  }

  @Test
  void textsThatSpellNamesOrOrderTypesDifferentlyAreTheSameSchemaAsTheDescriptor() {
    String spelled = """
        syntax = "proto3";
        package acme;
        import "google/protobuf/timestamp.proto";
        // the enum first, names qualified
        enum Status { UNKNOWN = 0; PAID = 1; }
        message Order {
          string id = 1;
          repeated acme.Order.Line lines = 2;
          map<string, int64> totals = 3;
          optional string note = 4;
          .acme.Status status = 5;
          .google.protobuf.Timestamp at = 6;
          oneof payment { string card = 7; string iban = 8; }
          message Line { string sku = 1; int32 quantity = 2; }
        }
        """;
    ProtobufParsedSchema text = proto.parse(spelled);
    ProtobufParsedSchema descriptor = proto.parse(base64(compiled()));
    assertThat(text.canonical()).isNotEqualTo(descriptor.canonical());
    assertThat(descriptor.sameAs(text)).isTrue();
    assertThat(text.sameAs(descriptor)).isTrue();

    ProtobufParsedSchema other = proto.parse(spelled.replace("int32 quantity = 2", "int64 quantity = 2"));
    assertThat(descriptor.sameAs(other)).isFalse();
  }

  @Test
  void proto2DescriptorsWithDefaultsReservedRangesAliasesAndServicesReadBackAsTheSameFile() {
    String text = """
        syntax = "proto2";
        package legacy;
        message Item {
          reserved 5, 9 to 11;
          reserved "old";
          required string name = 1 [default = "none"];
          optional int32 size = 2 [default = -3, deprecated = true];
          optional Kind kind = 3 [default = SMALL];
          repeated int64 tags = 4 [packed = true, json_name = "labels"];
          extensions 100 to max;
          enum Kind {
            option allow_alias = true;
            SMALL = 0;
            LITTLE = 0;
            BIG = 1;
          }
        }
        service Items {
          rpc Get (Item) returns (stream Item);
        }
        """;
    ProtobufParsedSchema fromText = proto.parse(text);
    String serialized = proto.formatted(fromText, "serialized");
    ProtobufParsedSchema fromDescriptor = proto.parse(serialized);

    assertThat(fromDescriptor.sameAs(fromText)).isTrue();
    assertThat(fromDescriptor.canonical()).contains("required string name = 1")
        .contains("reserved 5, 9 to 11;").contains("json_name = \"labels\"").contains("Kind kind = 3 [default = SMALL]");
    assertThat(fromDescriptor.fileDescriptor().findMessageTypeByName("Item").findFieldByName("name")
        .getDefaultValue()).isEqualTo("none");
  }

  @Test
  void everyCorruptionOfADescriptorEitherParsesOrIsAnInvalidSchemaNeverAnotherFailure() {
    byte[] bytes = compiled().toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xff}) {
        byte[] corrupt = bytes.clone();
        corrupt[i] = (byte) (corrupt[i] ^ flip);
        String schema = Base64.getEncoder().encodeToString(corrupt);
        try {
          assertThat(proto.parse(schema).canonical()).isNotBlank();
        } catch (InvalidSchemaException expected) {
          assertThat(expected.getMessage()).startsWith("Invalid Protobuf schema");
        }
      }
      String cut = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, i));
      try {
        proto.parse(cut);
      } catch (InvalidSchemaException expected) {
        assertThat(expected.getMessage()).doesNotContain("java.").doesNotContain("Exception");
      }
    }
  }

  @Test
  void malformedOrTruncatedDescriptorsAreInvalidSchemas() {
    byte[] bytes = compiled().toByteArray();
    String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length - 7));
    assertThatThrownBy(() -> proto.parse(truncated))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("not a well-formed FileDescriptorProto");
    assertThatThrownBy(() -> proto.parse("Cg9i*"))
        .isInstanceOf(InvalidSchemaException.class);
    assertThatThrownBy(() -> proto.parse("Cg9iYWQ"))
        .isInstanceOf(InvalidSchemaException.class);
    // Well-formed but empty: a file without messages.
    assertThatThrownBy(() -> proto.parse(base64(FileDescriptorProto.newBuilder().setName("x.proto").build())))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("declares no message");
  }
}
