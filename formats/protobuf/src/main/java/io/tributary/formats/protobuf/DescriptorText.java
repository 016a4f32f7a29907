package io.tributary.formats.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.tributary.formats.InvalidSchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link FileDescriptorProto} (what Confluent's JavaScript and Python serializers register, base64-encoded)
 * back as {@code .proto} text, so that a schema given as a descriptor is parsed, stored and served like the text it
 * was compiled from. The descriptor has lost what a compiler drops (comments, the order of messages relative to
 * enums, how a type name was spelled); type names are written in the shortest form that resolves to the same type.
 */
final class DescriptorText {
  /** The highest field number, written {@code max} in ranges. */
  private static final int MESSAGE_MAX = 536_870_911;
  private static final int ENUM_MAX = Integer.MAX_VALUE;

  private final FileDescriptorProto file;
  /** Every type and package name the file can refer to, fully qualified without the leading dot. */
  private final Set<String> known = new HashSet<>();
  /** Map-entry messages by full name, so that their fields are written as {@code map<K, V>}. */
  private final Map<String, DescriptorProto> mapEntries = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private DescriptorText(FileDescriptorProto file) {
    this.file = file;
  }

  /**
   * The {@code .proto} text of a descriptor.
   *
   * @throws InvalidSchemaException for what the registry cannot express as text (editions, groups)
   */
  static String render(FileDescriptorProto file) {
    DescriptorText text = new DescriptorText(file);
    text.collectNames();
    text.file();
    return text.out.toString();
  }

  // ---- names

  private void collectNames() {
    addPackage(file.getPackage());
    String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
    file.getMessageTypeList().forEach(m -> collect(prefix + m.getName(), m));
    file.getEnumTypeList().forEach(e -> known.add(prefix + e.getName()));
    for (String dependency : file.getDependencyList()) {
      WellKnownTypes.file(dependency).ifPresent(this::collect);
    }
  }

  private void collect(String fullName, DescriptorProto message) {
    known.add(fullName);
    if (message.getOptions().getMapEntry()) {
      mapEntries.put(fullName, message);
    }
    message.getNestedTypeList().forEach(m -> collect(fullName + "." + m.getName(), m));
    message.getEnumTypeList().forEach(e -> known.add(fullName + "." + e.getName()));
  }

  private void collect(FileDescriptor dependency) {
    addPackage(dependency.getPackage());
    dependency.getMessageTypes().forEach(this::collect);
    dependency.getEnumTypes().forEach(e -> known.add(e.getFullName()));
  }

  private void collect(Descriptor message) {
    known.add(message.getFullName());
    message.getNestedTypes().forEach(this::collect);
    message.getEnumTypes().forEach(e -> known.add(e.getFullName()));
  }

  private void addPackage(String name) {
    for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      known.add(name.substring(0, dot));
    }
    if (!name.isEmpty()) {
      known.add(name);
    }
  }

  /**
   * The shortest suffix of {@code typeName} that the language's scoping rules resolve, from {@code scope}, to the
   * same type; the fully qualified name when none does.
   */
  private String shortName(String typeName, String scope) {
    if (!typeName.startsWith(".")) {
      return typeName; // already relative: the compiler that wrote it left it for the reader to resolve
    }
    String target = typeName.substring(1);
    String[] parts = target.split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      String candidate = String.join(".", List.of(parts).subList(i, parts.length));
      if (target.equals(lookup(candidate, scope))) {
        return candidate;
      }
    }
    return typeName;
  }

  /** Protobuf's lookup: the first component is searched from the innermost scope outwards. */
  private String lookup(String name, String scope) {
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String current = scope;
    while (true) {
      String prefix = current.isEmpty() ? "" : current + ".";
      if (known.contains(prefix + first)) {
        return prefix + name;
      }
      if (current.isEmpty()) {
        return null;
      }
      int dot = current.lastIndexOf('.');
      current = dot < 0 ? "" : current.substring(0, dot);
    }
  }

  // ---- the file

  private void file() {
    String syntax = file.getSyntax();
    if (syntax.equals("editions") || file.hasEdition()) {
      throw new InvalidSchemaException("Invalid Protobuf schema: descriptors of Protobuf editions are not supported");
    }
    if (!syntax.isEmpty()) {
      line(0, "syntax = " + quote(syntax) + ";");
    }
    if (!file.getPackage().isEmpty()) {
      line(0, "package " + file.getPackage() + ";");
    }
    for (int i = 0; i < file.getDependencyCount(); i++) {
      String kind = file.getPublicDependencyList().contains(i) ? "public "
          : file.getWeakDependencyList().contains(i) ? "weak " : "";
      line(0, "import " + kind + quote(file.getDependency(i)) + ";");
    }
    options(0, file.getOptions());
    String scope = file.getPackage();
    file.getMessageTypeList().forEach(m -> message(0, m, scope));
    file.getEnumTypeList().forEach(e -> enumeration(0, e));
    file.getServiceList().forEach(s -> service(s, scope));
  }

  private void message(int depth, DescriptorProto message, String parentScope) {
    String scope = parentScope.isEmpty() ? message.getName() : parentScope + "." + message.getName();
    if (message.getOptions().getMapEntry()) {
      return; // written as the map<K, V> field that declared it
    }
    line(depth, "message " + message.getName() + " {");
    options(depth + 1, message.getOptions());
    reserved(depth + 1, message.getReservedRangeList().stream().map(r -> new int[] {r.getStart(), r.getEnd() - 1})
        .toList(), message.getReservedNameList(), MESSAGE_MAX);
    for (FieldDescriptorProto field : message.getFieldList()) {
      if (!field.hasOneofIndex() || field.getProto3Optional()) {
        field(depth + 1, field, scope);
      }
    }
    for (int i = 0; i < message.getOneofDeclCount(); i++) {
      final int index = i;
      List<FieldDescriptorProto> members = message.getFieldList().stream()
          .filter(f -> f.hasOneofIndex() && f.getOneofIndex() == index && !f.getProto3Optional()).toList();
      if (members.isEmpty()) {
        continue; // a proto3 optional field's synthetic oneof
      }
      line(depth + 1, "oneof " + message.getOneofDecl(i).getName() + " {");
      options(depth + 2, message.getOneofDecl(i).getOptions());
      members.forEach(f -> field(depth + 2, f, scope));
      line(depth + 1, "}");
    }
    if (message.getExtensionRangeCount() > 0) {
      List<String> ranges = message.getExtensionRangeList().stream()
          .map(r -> range(r.getStart(), r.getEnd() - 1, MESSAGE_MAX)).toList();
      line(depth + 1, "extensions " + String.join(", ", ranges) + ";");
    }
    message.getNestedTypeList().forEach(m -> message(depth + 1, m, scope));
    message.getEnumTypeList().forEach(e -> enumeration(depth + 1, e));
    line(depth, "}");
  }

  private void field(int depth, FieldDescriptorProto field, String scope) {
    if (field.getType() == FieldDescriptorProto.Type.TYPE_GROUP) {
      throw new InvalidSchemaException("Invalid Protobuf schema: groups are not supported (field "
          + field.getName() + ")");
    }
    StringBuilder text = new StringBuilder();
    DescriptorProto mapEntry = field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED
        ? mapEntries.get(fullName(field.getTypeName(), scope)) : null;
    if (mapEntry != null) {
      text.append("map<").append(type(mapEntry.getField(0), scope)).append(", ")
          .append(type(mapEntry.getField(1), scope)).append(">");
    } else {
      text.append(label(field)).append(type(field, scope));
    }
    text.append(' ').append(field.getName()).append(" = ").append(field.getNumber());
    List<String> options = new ArrayList<>();
    if (field.hasDefaultValue()) {
      options.add("default = " + defaultValue(field));
    }
    if (field.hasJsonName() && !field.getJsonName().equals(defaultJsonName(field.getName()))) {
      options.add("json_name = " + quote(field.getJsonName()));
    }
    options.addAll(optionEntries(field.getOptions()));
    if (!options.isEmpty()) {
      text.append(" [").append(String.join(", ", options)).append(']');
    }
    line(depth, text.append(';').toString());
  }

  /** The full name of a field's type, which the compiler wrote fully qualified with a leading dot. */
  private String fullName(String typeName, String scope) {
    if (typeName.startsWith(".")) {
      return typeName.substring(1);
    }
    String resolved = lookup(typeName, scope);
    return resolved == null ? typeName : resolved;
  }

  private String label(FieldDescriptorProto field) {
    boolean proto3 = file.getSyntax().equals("proto3");
    return switch (field.getLabel()) {
      case LABEL_REPEATED -> "repeated ";
      case LABEL_REQUIRED -> "required ";
      default -> proto3 && !field.getProto3Optional() ? "" : "optional ";
    };
  }

  private String type(FieldDescriptorProto field, String scope) {
    if (field.hasTypeName() && !field.getTypeName().isEmpty()) {
      return shortName(field.getTypeName(), scope);
    }
    return switch (field.getType()) {
      case TYPE_DOUBLE -> "double";
      case TYPE_FLOAT -> "float";
      case TYPE_INT64 -> "int64";
      case TYPE_UINT64 -> "uint64";
      case TYPE_INT32 -> "int32";
      case TYPE_FIXED64 -> "fixed64";
      case TYPE_FIXED32 -> "fixed32";
      case TYPE_BOOL -> "bool";
      case TYPE_STRING -> "string";
      case TYPE_BYTES -> "bytes";
      case TYPE_UINT32 -> "uint32";
      case TYPE_SFIXED32 -> "sfixed32";
      case TYPE_SFIXED64 -> "sfixed64";
      case TYPE_SINT32 -> "sint32";
      case TYPE_SINT64 -> "sint64";
      default -> throw new InvalidSchemaException("Invalid Protobuf schema: field " + field.getName()
          + " has no type");
    };
  }

  private static String defaultValue(FieldDescriptorProto field) {
    return switch (field.getType()) {
      case TYPE_STRING -> quote(field.getDefaultValue());
      case TYPE_BYTES -> '"' + field.getDefaultValue() + '"'; // already C-escaped by the compiler
      default -> field.getDefaultValue();
    };
  }

  /** protoc's json_name for a field that sets none: lowerCamelCase of the snake_case name. */
  static String defaultJsonName(String name) {
    return ProtoDescriptors.camelCase(name, false);
  }

  private void enumeration(int depth, EnumDescriptorProto enumeration) {
    line(depth, "enum " + enumeration.getName() + " {");
    options(depth + 1, enumeration.getOptions());
    reserved(depth + 1, enumeration.getReservedRangeList().stream()
        .map(r -> new int[] {r.getStart(), r.getEnd()}).toList(), enumeration.getReservedNameList(), ENUM_MAX);
    for (EnumValueDescriptorProto value : enumeration.getValueList()) {
      List<String> options = optionEntries(value.getOptions());
      line(depth + 1, value.getName() + " = " + value.getNumber()
          + (options.isEmpty() ? "" : " [" + String.join(", ", options) + "]") + ";");
    }
    line(depth, "}");
  }

  private void service(ServiceDescriptorProto service, String scope) {
    line(0, "service " + service.getName() + " {");
    options(1, service.getOptions());
    for (MethodDescriptorProto method : service.getMethodList()) {
      String head = "rpc " + method.getName() + " (" + (method.getClientStreaming() ? "stream " : "")
          + shortName(method.getInputType(), scope) + ") returns (" + (method.getServerStreaming() ? "stream " : "")
          + shortName(method.getOutputType(), scope) + ")";
      List<String> options = optionEntries(method.getOptions());
      if (options.isEmpty()) {
        line(1, head + ";");
      } else {
        line(1, head + " {");
        options.forEach(o -> line(2, "option " + o + ";"));
        line(1, "}");
      }
    }
    line(0, "}");
  }

  private void reserved(int depth, List<int[]> ranges, List<String> names, int max) {
    if (!ranges.isEmpty()) {
      line(depth, "reserved " + String.join(", ", ranges.stream().map(r -> range(r[0], r[1], max)).toList()) + ";");
    }
    if (!names.isEmpty()) {
      line(depth, "reserved " + String.join(", ", names.stream().map(DescriptorText::quote).toList()) + ";");
    }
  }

  /** An inclusive range as the language writes it. */
  private static String range(int start, int endInclusive, int max) {
    if (start == endInclusive) {
      return Integer.toString(start);
    }
    return start + " to " + (endInclusive == max ? "max" : Integer.toString(endInclusive));
  }

  // ---- options

  private void options(int depth, Message options) {
    optionEntries(options).forEach(o -> line(depth, "option " + o + ";"));
  }

  /**
   * The options a descriptor sets, as {@code name = value}. Only the options protobuf itself defines are known by
   * name; custom options (extensions, kept as unknown fields) need their definitions and are left out.
   */
  private static List<String> optionEntries(Message options) {
    List<String> entries = new ArrayList<>();
    for (Map.Entry<FieldDescriptor, Object> option : options.getAllFields().entrySet()) {
      FieldDescriptor field = option.getKey();
      if (field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          || field.getName().equals("map_entry")) {
        continue; // uninterpreted options and editions features; map_entry is implied by map<K, V>
      }
      Object value = option.getValue();
      String text = switch (field.getJavaType()) {
        case STRING -> quote((String) value);
        case ENUM -> ((EnumValueDescriptor) value).getName();
        default -> String.valueOf(value);
      };
      entries.add(field.getName() + " = " + text);
    }
    return entries;
  }

  private static String quote(String text) {
    return '"' + TextFormat.escapeDoubleQuotesAndBackslashes(text) + '"';
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
