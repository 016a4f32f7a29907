package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a reader's .proto can read binary data written with a writer's .proto, judged on the wire format: fields
 * match by number (names are free to change), unknown fields are skipped, missing fields take defaults. The rules
 * are written up in docs/formats-compatibility.md.
 */
final class ProtobufCompatibility {
  /** Scalar types that share a wire encoding and read each other's values (the language guide's list). */
  private static final Map<Type, String> WIRE_FAMILY = Map.ofEntries(
      Map.entry(Type.INT32, "varint"), Map.entry(Type.INT64, "varint"), Map.entry(Type.UINT32, "varint"),
      Map.entry(Type.UINT64, "varint"), Map.entry(Type.BOOL, "varint"),
      Map.entry(Type.SINT32, "zigzag"), Map.entry(Type.SINT64, "zigzag"),
      Map.entry(Type.FIXED32, "fixed32"), Map.entry(Type.SFIXED32, "fixed32"),
      Map.entry(Type.FIXED64, "fixed64"), Map.entry(Type.SFIXED64, "fixed64"),
      Map.entry(Type.FLOAT, "float"), Map.entry(Type.DOUBLE, "double"),
      Map.entry(Type.STRING, "string"), Map.entry(Type.BYTES, "bytes"));

  private ProtobufCompatibility() {}

  static List<String> readProblems(FileDescriptor reader, FileDescriptor writer) {
    Map<String, Descriptor> readerMessages = withImports(reader).stream()
        .collect(Collectors.toMap(Descriptor::getFullName, Function.identity(), (a, b) -> a));
    List<String> problems = new ArrayList<>();
    for (Descriptor written : withImports(writer)) {
      Descriptor read = readerMessages.get(written.getFullName());
      if (read == null) {
        problems.add(written.getFullName() + ": message is missing");
      } else {
        compareMessages(read, written, problems);
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The file's messages and those of the files it imports through schema references (transitively): data written
   * with a message holds its imported messages too. Google's well-known types are the same everywhere.
   */
  private static List<Descriptor> withImports(FileDescriptor file) {
    List<Descriptor> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    collect(file, out, seen);
    return out;
  }

  private static void collect(FileDescriptor file, List<Descriptor> out, Set<String> seen) {
    if (!seen.add(file.getName())) {
      return;
    }
    out.addAll(MessagePaths.all(file));
    for (FileDescriptor dependency : file.getDependencies()) {
      if (WellKnownTypes.file(dependency.getName()).isEmpty()) {
        collect(dependency, out, seen);
      }
    }
  }

  private static void compareMessages(Descriptor reader, Descriptor writer, List<String> problems) {
    for (FieldDescriptor read : reader.getFields()) {
      FieldDescriptor written = writer.findFieldByNumber(read.getNumber());
      String at = reader.getFullName() + " field " + read.getNumber() + " (" + read.getName() + ")";
      if (written == null) {
        if (read.isRequired()) {
          problems.add(at + ": required, but the other schema does not have it");
        }
      } else {
        compareFields(read, written, at, problems);
      }
    }
    compareOneofs(reader, writer, problems);
  }

  private static void compareFields(FieldDescriptor read, FieldDescriptor written, String at, List<String> problems) {
    if (read.isRequired() && !written.isRequired()) {
      problems.add(at + ": required, but optional in the other schema");
    }
    if (read.isMapField() || written.isMapField()) {
      if (read.isMapField() != written.isMapField()) {
        problems.add(at + ": map in one schema, not in the other");
        return;
      }
      Descriptor readEntry = read.getMessageType();
      Descriptor writtenEntry = written.getMessageType();
      compareFields(readEntry.findFieldByNumber(1), writtenEntry.findFieldByNumber(1), at + " key", problems);
      compareFields(readEntry.findFieldByNumber(2), writtenEntry.findFieldByNumber(2), at + " value", problems);
      return;
    }
    if (written.isRepeated() && !read.isRepeated()) {
      problems.add(at + ": singular, but repeated in the other schema (values would be lost)");
    }
    compareTypes(read, written, at, problems);
  }

  private static void compareTypes(FieldDescriptor read, FieldDescriptor written, String at, List<String> problems) {
    Type r = read.getType();
    Type w = written.getType();
    if (r == Type.MESSAGE || w == Type.MESSAGE || r == Type.GROUP || w == Type.GROUP) {
      if (r != w || !read.getMessageType().getFullName().equals(written.getMessageType().getFullName())) {
        problems.add(at + ": type " + typeName(read) + " cannot read " + typeName(written));
      }
      return;
    }
    if (r == Type.ENUM || w == Type.ENUM) {
      if (r != w || !read.getEnumType().getFullName().equals(written.getEnumType().getFullName())) {
        problems.add(at + ": type " + typeName(read) + " cannot read " + typeName(written));
      }
      return;
    }
    // bytes read strings (any UTF-8 is bytes); strings do not read arbitrary bytes.
    boolean sameFamily = WIRE_FAMILY.get(r).equals(WIRE_FAMILY.get(w)) || (r == Type.BYTES && w == Type.STRING);
    if (!sameFamily) {
      problems.add(at + ": type " + typeName(read) + " cannot read " + typeName(written));
    }
  }

  /**
   * Fields the writer may set together must not share a oneof in the reader, which would keep only one of them.
   */
  private static void compareOneofs(Descriptor reader, Descriptor writer, List<String> problems) {
    for (OneofDescriptor oneof : reader.getRealOneofs()) {
      Set<Object> writerGroups = new HashSet<>();
      for (FieldDescriptor member : oneof.getFields()) {
        FieldDescriptor written = writer.findFieldByNumber(member.getNumber());
        if (written != null) {
          OneofDescriptor writtenOneof = written.getRealContainingOneof();
          writerGroups.add(writtenOneof != null ? writtenOneof : written);
        }
      }
      if (writerGroups.size() > 1) {
        problems.add(reader.getFullName() + " oneof " + oneof.getName()
            + ": joins fields that the other schema may set together");
      }
    }
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getType()) {
      case MESSAGE, GROUP -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
