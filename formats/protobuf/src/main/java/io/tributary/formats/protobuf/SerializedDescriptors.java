package io.tributary.formats.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tributary.formats.InvalidSchemaException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The serialized form of a Protobuf schema, Confluent's {@code format=serialized}: the base64 of the file's
 * {@link FileDescriptorProto}. Confluent's JavaScript and Python serializers register and look up schemas in this
 * form and its deserializers read it back to decode records.
 */
final class SerializedDescriptors {
  /**
   * Base64 without whitespace. A {@code .proto} text always has a space, a brace or a semicolon, so nothing that
   * could be a text is taken for a descriptor.
   */
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

  private SerializedDescriptors() {}

  /**
   * The descriptor a schema string carries, or empty when the string is (meant as) {@code .proto} text.
   *
   * @throws InvalidSchemaException when the string is base64 but not of a well-formed {@link FileDescriptorProto}
   */
  static Optional<FileDescriptorProto> decode(String schema) {
    String text = schema.strip();
    if (!BASE64.matcher(text).matches()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
          .decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidSchemaException("Invalid Protobuf schema: it is neither .proto text nor a base64-encoded"
          + " FileDescriptorProto (" + e.getMessage() + ")");
    }
    try {
      return Optional.of(FileDescriptorProto.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidSchemaException("Invalid Protobuf schema: the base64 text is not a well-formed"
          + " FileDescriptorProto: " + e.getMessage());
    }
  }

  /** The base64 of the file's descriptor, every type name fully qualified as protoc writes them. */
  static String encode(FileDescriptor file) {
    return Base64.getEncoder().encodeToString(resolved(file).toByteArray());
  }

  /**
   * The file's descriptor with what building it resolved written in: each field's type (message or enum) and
   * fully qualified type name, and its JSON name. Two schemas that differ only in how they spell names, in comments
   * or in the order of their messages relative to their enums have equal resolved descriptors.
   */
  static FileDescriptorProto resolved(FileDescriptor file) {
    FileDescriptorProto.Builder proto = file.toProto().toBuilder();
    for (int i = 0; i < file.getMessageTypes().size(); i++) {
      resolve(proto.getMessageTypeBuilder(i), file.getMessageTypes().get(i));
    }
    return proto.build();
  }

  private static void resolve(DescriptorProto.Builder proto, Descriptor message) {
    for (int i = 0; i < message.getFields().size(); i++) {
      FieldDescriptor field = message.getFields().get(i);
      FieldDescriptorProto.Builder fieldProto = proto.getFieldBuilder(i);
      fieldProto.setType(field.getType().toProto());
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        fieldProto.setTypeName("." + field.getMessageType().getFullName());
      } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        fieldProto.setTypeName("." + field.getEnumType().getFullName());
      }
      fieldProto.setJsonName(field.getJsonName());
    }
    for (int i = 0; i < message.getNestedTypes().size(); i++) {
      resolve(proto.getNestedTypeBuilder(i), message.getNestedTypes().get(i));
    }
  }
}
