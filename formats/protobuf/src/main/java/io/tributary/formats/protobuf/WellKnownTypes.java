package io.tributary.formats.protobuf;

import com.google.protobuf.Any;
import com.google.protobuf.Api;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.SourceContext;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import com.google.protobuf.WrappersProto;
import java.util.Map;
import java.util.Optional;

/**
 * The imports a schema may use without registry references: Google's well-known types, whose descriptors ship
 * with protobuf-java, as in Confluent's registry. Other imports need schema references.
 */
final class WellKnownTypes {
  private static final Map<String, FileDescriptor> FILES = Map.ofEntries(
      Map.entry("google/protobuf/any.proto", Any.getDescriptor().getFile()),
      Map.entry("google/protobuf/api.proto", Api.getDescriptor().getFile()),
      Map.entry("google/protobuf/descriptor.proto", DescriptorProtos.getDescriptor()),
      Map.entry("google/protobuf/duration.proto", Duration.getDescriptor().getFile()),
      Map.entry("google/protobuf/empty.proto", Empty.getDescriptor().getFile()),
      Map.entry("google/protobuf/field_mask.proto", FieldMask.getDescriptor().getFile()),
      Map.entry("google/protobuf/source_context.proto", SourceContext.getDescriptor().getFile()),
      Map.entry("google/protobuf/struct.proto", Struct.getDescriptor().getFile()),
      Map.entry("google/protobuf/timestamp.proto", Timestamp.getDescriptor().getFile()),
      Map.entry("google/protobuf/type.proto", Type.getDescriptor().getFile()),
      Map.entry("google/protobuf/wrappers.proto", WrappersProto.getDescriptor()));

  private WellKnownTypes() {}

  static Optional<FileDescriptor> file(String importPath) {
    return Optional.ofNullable(FILES.get(importPath));
  }
}
