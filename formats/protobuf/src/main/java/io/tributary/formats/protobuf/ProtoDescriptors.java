package io.tributary.formats.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.tributary.formats.InvalidSchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.ranges.IntRange;

/**
 * Turns Wire's parsed .proto elements into a protobuf-java {@link FileDescriptor}. Type names are handed over as
 * written (relative or fully qualified) and protobuf-java resolves them with the language's scoping rules while
 * building, which also validates the file (unknown types, duplicate numbers, bad names).
 *
 * <p>Supported: proto2 and proto3, scalars, messages and enums at any nesting depth, repeated fields, maps, oneofs,
 * proto3 {@code optional}, reserved numbers and names, {@code json_name}, {@code packed}, {@code deprecated},
 * proto2 defaults, {@code allow_alias}, imports of Google's well-known types and of other files given as schema
 * references. Not supported: groups; extensions and custom options are ignored.
 */
final class ProtoDescriptors {
  static final String FILE_NAME = "schema.proto";

  private static final Pattern MAP_TYPE = Pattern.compile("map\\s*<\\s*([\\w.]+)\\s*,\\s*([\\w.]+)\\s*>");
  private static final Map<String, FieldDescriptorProto.Type> SCALARS = Map.ofEntries(
      Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
      Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
      Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
      Map.entry("uint64", FieldDescriptorProto.Type.TYPE_UINT64),
      Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
      Map.entry("fixed64", FieldDescriptorProto.Type.TYPE_FIXED64),
      Map.entry("fixed32", FieldDescriptorProto.Type.TYPE_FIXED32),
      Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
      Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
      Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES),
      Map.entry("uint32", FieldDescriptorProto.Type.TYPE_UINT32),
      Map.entry("sfixed32", FieldDescriptorProto.Type.TYPE_SFIXED32),
      Map.entry("sfixed64", FieldDescriptorProto.Type.TYPE_SFIXED64),
      Map.entry("sint32", FieldDescriptorProto.Type.TYPE_SINT32),
      Map.entry("sint64", FieldDescriptorProto.Type.TYPE_SINT64));

  private final boolean proto3;

  private ProtoDescriptors(boolean proto3) {
    this.proto3 = proto3;
  }

  static FileDescriptor build(ProtoFileElement file) {
    return build(file, FILE_NAME, Map.of());
  }

  /**
   * Builds the file named {@code name}; an import is one of Google's well-known types or one of {@code imports}
   * (the files of the schema's references, by import path).
   */
  static FileDescriptor build(ProtoFileElement file, String name, Map<String, FileDescriptor> imports) {
    boolean proto3 = file.getSyntax() == Syntax.PROTO_3;
    ProtoDescriptors converter = new ProtoDescriptors(proto3);
    FileDescriptorProto.Builder proto = FileDescriptorProto.newBuilder().setName(name);
    if (file.getPackageName() != null) {
      proto.setPackage(file.getPackageName());
    }
    if (proto3) {
      proto.setSyntax("proto3");
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    List<String> paths = new ArrayList<>(file.getImports());
    paths.addAll(file.getPublicImports());
    paths.addAll(file.getWeakImports());
    for (String path : paths) {
      FileDescriptor dependency = WellKnownTypes.file(path).or(() -> Optional.ofNullable(imports.get(path)))
          .orElseThrow(() -> new InvalidSchemaException("Invalid Protobuf schema: import \"" + path + "\" has no"
              + " schema reference of that name (only Google's well-known types can be imported without one)"));
      proto.addDependency(path);
      dependencies.add(dependency);
    }
    for (TypeElement type : file.getTypes()) {
      if (type instanceof MessageElement message) {
        proto.addMessageType(converter.message(message));
      } else if (type instanceof EnumElement enumeration) {
        proto.addEnumType(enumeration(enumeration));
      }
    }
    try {
      return FileDescriptor.buildFrom(proto.build(), dependencies.toArray(new FileDescriptor[0]));
    } catch (DescriptorValidationException e) {
      throw new InvalidSchemaException("Invalid Protobuf schema: " + e.getMessage());
    }
  }

  private DescriptorProto message(MessageElement element) {
    if (!element.getGroups().isEmpty()) {
      throw new InvalidSchemaException("Invalid Protobuf schema: groups are not supported (message "
          + element.getName() + ")");
    }
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(element.getName());
    List<DescriptorProto> mapEntries = new ArrayList<>();
    List<String> syntheticOneofs = new ArrayList<>();
    int realOneofs = element.getOneOfs().size();
    for (FieldElement field : element.getFields()) {
      FieldDescriptorProto.Builder built = field(field, mapEntries);
      if (proto3 && field.getLabel() == Field.Label.OPTIONAL) {
        // proto3 optional: a synthetic one-field oneof, placed after the real ones as protoc does.
        built.setProto3Optional(true).setOneofIndex(realOneofs + syntheticOneofs.size());
        syntheticOneofs.add(syntheticOneofName(field.getName(), element));
      }
      message.addField(built);
    }
    for (int i = 0; i < element.getOneOfs().size(); i++) {
      OneOfElement oneOf = element.getOneOfs().get(i);
      if (!oneOf.getGroups().isEmpty()) {
        throw new InvalidSchemaException("Invalid Protobuf schema: groups are not supported (oneof "
            + oneOf.getName() + ")");
      }
      message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOf.getName()));
      for (FieldElement field : oneOf.getFields()) {
        message.addField(field(field, mapEntries).setOneofIndex(i));
      }
    }
    for (String name : syntheticOneofs) {
      message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(name));
    }
    for (TypeElement nested : element.getNestedTypes()) {
      if (nested instanceof MessageElement nestedMessage) {
        message.addNestedType(message(nestedMessage));
      } else if (nested instanceof EnumElement nestedEnum) {
        message.addEnumType(enumeration(nestedEnum));
      }
    }
    // Map entries go after the declared nested messages, so that those keep their declared positions.
    message.addAllNestedType(mapEntries);
    for (ReservedElement reserved : element.getReserveds()) {
      for (Object value : reserved.getValues()) {
        if (value instanceof String name) {
          message.addReservedName(name);
        } else {
          int[] range = range(value);
          message.addReservedRange(DescriptorProto.ReservedRange.newBuilder()
              .setStart(range[0]).setEnd(range[1] + 1));
        }
      }
    }
    return message.build();
  }

  private FieldDescriptorProto.Builder field(FieldElement element, List<DescriptorProto> mapEntries) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
        .setName(element.getName())
        .setNumber(element.getTag())
        .setLabel(label(element.getLabel()));
    Matcher map = MAP_TYPE.matcher(element.getType());
    if (map.matches()) {
      String entryName = camel(element.getName()) + "Entry";
      mapEntries.add(DescriptorProto.newBuilder()
          .setName(entryName)
          .setOptions(MessageOptions.newBuilder().setMapEntry(true))
          .addField(typed(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
              .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), map.group(1)))
          .addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
              .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), map.group(2)))
          .build());
      field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entryName);
    } else {
      typed(field, element.getType());
    }
    if (element.getJsonName() != null) {
      field.setJsonName(element.getJsonName());
    }
    if (element.getDefaultValue() != null) {
      field.setDefaultValue(element.getDefaultValue());
    }
    FieldOptions.Builder options = FieldOptions.newBuilder();
    for (OptionElement option : element.getOptions()) {
      switch (option.getName()) {
        case "packed" -> options.setPacked(Boolean.parseBoolean(String.valueOf(option.getValue())));
        case "deprecated" -> options.setDeprecated(Boolean.parseBoolean(String.valueOf(option.getValue())));
        default -> { } // custom and code-generation options do not affect the data
      }
    }
    if (options.hasPacked() || options.hasDeprecated()) {
      field.setOptions(options);
    }
    return field;
  }

  private static FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder field, String type) {
    FieldDescriptorProto.Type scalar = SCALARS.get(type);
    // A named type is left for protobuf-java to resolve; it also finds out whether it is a message or an enum.
    return scalar != null ? field.setType(scalar) : field.setTypeName(type);
  }

  private static FieldDescriptorProto.Label label(Field.Label label) {
    if (label == Field.Label.REPEATED) {
      return FieldDescriptorProto.Label.LABEL_REPEATED;
    }
    return label == Field.Label.REQUIRED
        ? FieldDescriptorProto.Label.LABEL_REQUIRED : FieldDescriptorProto.Label.LABEL_OPTIONAL;
  }

  private static EnumDescriptorProto enumeration(EnumElement element) {
    EnumDescriptorProto.Builder enumeration = EnumDescriptorProto.newBuilder().setName(element.getName());
    for (EnumConstantElement constant : element.getConstants()) {
      enumeration.addValue(EnumValueDescriptorProto.newBuilder()
          .setName(constant.getName()).setNumber(constant.getTag()));
    }
    for (OptionElement option : element.getOptions()) {
      if (option.getName().equals("allow_alias")) {
        enumeration.setOptions(EnumOptions.newBuilder()
            .setAllowAlias(Boolean.parseBoolean(String.valueOf(option.getValue()))));
      }
    }
    for (ReservedElement reserved : element.getReserveds()) {
      for (Object value : reserved.getValues()) {
        if (value instanceof String name) {
          enumeration.addReservedName(name);
        } else {
          int[] range = range(value);
          enumeration.addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder()
              .setStart(range[0]).setEnd(range[1]));
        }
      }
    }
    return enumeration.build();
  }

  /** A reserved number or range as inclusive bounds. */
  private static int[] range(Object value) {
    if (value instanceof Integer number) {
      return new int[] {number, number};
    }
    if (value instanceof IntRange range) {
      return new int[] {range.getFirst(), range.getLast()};
    }
    throw new InvalidSchemaException("Invalid Protobuf schema: unexpected reserved value " + value);
  }

  /** protoc's map entry name: the field name in CamelCase. */
  private static String camel(String fieldName) {
    return camelCase(fieldName, true);
  }

  /**
   * protoc's CamelCase of a snake_case name: each {@code _} dropped and the letter after it upper-cased; the first
   * letter too when {@code upperFirst} (map entry names), not otherwise (default json_name).
   */
  static String camelCase(String fieldName, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** protoc's synthetic oneof name for a proto3 optional field: {@code _name}, prefixed with X until unique. */
  private static String syntheticOneofName(String fieldName, MessageElement message) {
    String name = "_" + fieldName;
    while (taken(name, message)) {
      name = "X" + name;
    }
    return name;
  }

  private static boolean taken(String name, MessageElement message) {
    return message.getFields().stream().anyMatch(f -> f.getName().equals(name))
        || message.getOneOfs().stream().anyMatch(o -> o.getName().equals(name));
  }
}
