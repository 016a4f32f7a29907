package io.tributary.formats.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UninitializedMessageException;
import com.google.protobuf.util.JsonFormat;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.wire.MessageIndexes;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Protobuf: .proto text parsed with Wire and built into descriptors, JSON in the proto3 JSON mapping (protobuf's
 * {@link JsonFormat}, as kafka-rest uses it), payloads as the message-index array followed by the message's binary
 * encoding, compatibility by the rules of {@link ProtobufCompatibility}.
 */
public final class ProtobufSchemaFormat implements SchemaFormat {
  private static final String SERIALIZED = "serialized";
  private static final Location LOCATION = Location.get(ProtoDescriptors.FILE_NAME);
  private static final String WIRE_HEADER = "// Proto schema formatted by Wire, do not edit.\n// Source: "
      + ProtoDescriptors.FILE_NAME + "\n\n";

  // Unknown JSON fields are errors and unset fields are printed with their defaults, as kafka-rest does.
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }

  @Override
  public ProtobufParsedSchema parse(String schemaText) {
    return parse(schemaText, List.of());
  }

  /**
   * A file importing the files of its references: each referenced text is built first as the file its reference
   * names (the import path), then the schema with those files as its dependencies.
   */
  @Override
  public ProtobufParsedSchema parse(String schemaText, List<ResolvedReference> references) {
    Map<String, FileDescriptor> imports = new HashMap<>();
    for (ResolvedReference reference : references) {
      try {
        imports.put(reference.name(), file(reference.schema(), reference.name(), imports).descriptor());
      } catch (InvalidSchemaException e) {
        throw new InvalidSchemaException("Invalid Protobuf schema: referenced schema '" + reference.name()
            + "' is invalid: " + e.getMessage());
      }
    }
    // The schema's own file name only needs to differ from its imports' names.
    String name = imports.containsKey(ProtoDescriptors.FILE_NAME) ? "_" + ProtoDescriptors.FILE_NAME
        : ProtoDescriptors.FILE_NAME;
    Built built = file(schemaText, name, imports);
    FileDescriptor file = built.descriptor();
    if (file.getMessageTypes().isEmpty()) {
      throw new InvalidSchemaException("Invalid Protobuf schema: it declares no message");
    }
    String canonical = built.element().toSchema();
    if (canonical.startsWith(WIRE_HEADER)) {
      canonical = canonical.substring(WIRE_HEADER.length());
    }
    return new ProtobufParsedSchema(file, canonical, file.getMessageTypes().get(0));
  }

  private record Built(ProtoFileElement element, FileDescriptor descriptor) {}

  /** One file (text or base64 descriptor) parsed and built as {@code name}, its imports among {@code imports}. */
  private static Built file(String schemaText, String name, Map<String, FileDescriptor> imports) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new InvalidSchemaException("Empty Protobuf schema");
    }
    // Confluent's JavaScript and Python serializers send the base64 of a FileDescriptorProto: it is read as the
    // .proto text it describes, so that both forms of one schema are one schema.
    Optional<FileDescriptorProto> descriptor = SerializedDescriptors.decode(schemaText);
    if (descriptor.isPresent()) {
      try {
        schemaText = DescriptorText.render(descriptor.get());
      } catch (InvalidSchemaException e) {
        throw e;
      } catch (RuntimeException e) {
        // A well-formed message can still be a nonsensical file (names missing, say): the input's fault.
        throw new InvalidSchemaException("Invalid Protobuf schema: the FileDescriptorProto does not describe a"
            + " valid .proto file");
      }
    }
    ProtoFileElement element;
    try {
      element = ProtoParser.Companion.parse(LOCATION, schemaText);
    } catch (RuntimeException e) {
      // Wire reports syntax errors as IllegalStateException with the line and column.
      throw new InvalidSchemaException("Invalid Protobuf schema: " + e.getMessage());
    }
    return new Built(element, ProtoDescriptors.build(element, name, imports));
  }

  /**
   * {@code serialized}: the base64 of the schema's {@code FileDescriptorProto} (its imports named by their paths);
   * any other format, {@code resolved} included, the text: imports cannot be inlined into one file (other packages),
   * as in Confluent's registry.
   */
  @Override
  public String formatted(ParsedSchema schema, String format) {
    return SERIALIZED.equals(format) ? proto(schema).serialized() : schema.canonical();
  }

  /**
   * The file as {@link ProtoNormalization} normalizes it, in Wire's formatting. The canonical text is always
   * {@code .proto} text (a descriptor was rendered as text when parsed), so it parses again here.
   */
  @Override
  public String normalizedText(ParsedSchema schema) {
    ProtobufParsedSchema proto = proto(schema);
    ProtoFileElement element = ProtoParser.Companion.parse(LOCATION, proto.canonical());
    return withoutHeader(ProtoNormalization.normalize(element, proto.fileDescriptor()).toSchema());
  }

  private static String withoutHeader(String text) {
    return text.startsWith(WIRE_HEADER) ? text.substring(WIRE_HEADER.length()) : text;
  }

  @Override
  public byte[] jsonToPayload(ParsedSchema schema, Object jsonValue) {
    ProtobufParsedSchema proto = proto(schema);
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(proto.message());
    DynamicMessage message;
    try {
      PARSER.merge(Json.encode(jsonValue), builder);
      message = builder.build();
    } catch (InvalidProtocolBufferException | UninitializedMessageException | IllegalArgumentException e) {
      throw new DataMismatchException("Conversion of JSON to Protobuf failed: " + e.getMessage());
    }
    byte[] indexes = MessageIndexes.encode(proto.messagePath());
    byte[] body = message.toByteArray();
    byte[] payload = Arrays.copyOf(indexes, indexes.length + body.length);
    System.arraycopy(body, 0, payload, indexes.length, body.length);
    return payload;
  }

  @Override
  public Object payloadToJson(ParsedSchema schema, byte[] payload) {
    ProtobufParsedSchema proto = proto(schema);
    MessageIndexes.Decoded indexes = MessageIndexes.decode(payload);
    Descriptor descriptor = MessagePaths.resolve(proto.fileDescriptor(), indexes.path())
        .orElseThrow(() -> new MalformedRecordException(
            "Message indexes " + indexes.path() + " name no message of the schema"));
    try {
      DynamicMessage message = DynamicMessage.parseFrom(descriptor,
          Arrays.copyOfRange(payload, indexes.length(), payload.length));
      return Json.decodeValue(PRINTER.print(message));
    } catch (InvalidProtocolBufferException | DecodeException e) {
      throw new MalformedRecordException("Protobuf payload does not decode with schema: " + e.getMessage());
    }
  }

  @Override
  public List<String> readProblems(ParsedSchema reader, ParsedSchema writer) {
    return ProtobufCompatibility.readProblems(proto(reader).fileDescriptor(), proto(writer).fileDescriptor());
  }

  private static ProtobufParsedSchema proto(ParsedSchema schema) {
    if (schema instanceof ProtobufParsedSchema parsed) {
      return parsed;
    }
    throw new IllegalArgumentException("Not a Protobuf schema: " + schema.type());
  }
}
