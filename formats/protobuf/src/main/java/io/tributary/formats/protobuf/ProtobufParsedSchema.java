package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.tributary.formats.schema.CanonicalSchema;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaType;
import java.util.List;
import java.util.Optional;

/**
 * A parsed .proto file plus the message that produce writes: the first top-level message unless another one is
 * selected by path or name. The canonical text is Wire's normalised rendering of the file; the selection is not part
 * of the schema's identity (the registry stores files, records name their message by path).
 */
public final class ProtobufParsedSchema extends CanonicalSchema {
  private final FileDescriptor file;
  private final Descriptor message;

  ProtobufParsedSchema(FileDescriptor file, String canonical, Descriptor message) {
    super(canonical);
    this.file = file;
    this.message = message;
  }

  public FileDescriptor fileDescriptor() {
    return file;
  }

  /** The message produce writes. */
  public Descriptor message() {
    return message;
  }

  /** The selected message's path, as written into the message-index array. */
  public List<Integer> messagePath() {
    return MessagePaths.pathOf(message);
  }

  /**
   * The same schema writing another message, chosen by path ({@code [1]}, {@code [1,0]}).
   *
   * @throws IllegalArgumentException when no message has that path
   */
  public ProtobufParsedSchema withMessagePath(List<Integer> path) {
    Descriptor selected = MessagePaths.resolve(file, path)
        .orElseThrow(() -> new IllegalArgumentException("No message at path " + path + " in the schema"));
    return new ProtobufParsedSchema(file, canonical(), selected);
  }

  /**
   * The same schema writing another message, chosen by full name ({@code acme.Order.Line}) or, without a package,
   * by its name relative to the package.
   *
   * @throws IllegalArgumentException when the file declares no such message
   */
  public ProtobufParsedSchema withMessage(String name) {
    String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
    Descriptor selected = MessagePaths.all(file).stream()
        .filter(d -> d.getFullName().equals(name) || d.getFullName().equals(prefix + name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No message " + name + " in the schema"));
    return new ProtobufParsedSchema(file, canonical(), selected);
  }

  /** The base64 of the file's descriptor with every type name fully qualified (Confluent's serialized form). */
  public String serialized() {
    return SerializedDescriptors.encode(file);
  }

  /**
   * Whether both describe the same file: equal descriptors once names are resolved, so that a schema registered
   * as a descriptor and the same schema as text (comments, name spelling and options aside) are one schema.
   */
  @Override
  public boolean sameAs(ParsedSchema other) {
    return other instanceof ProtobufParsedSchema proto && (equals(proto)
        || SerializedDescriptors.resolved(file).equals(SerializedDescriptors.resolved(proto.file)));
  }

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }


  /** The full name (package and message) of the message produce writes. */
  @Override
  public Optional<String> recordName() {
    return Optional.of(message.getFullName());
  }

}
