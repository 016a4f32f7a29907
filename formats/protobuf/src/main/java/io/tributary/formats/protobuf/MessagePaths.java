package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Message paths of the Confluent wire format: the index of a message among the top-level messages of its file,
 * then among its parent's nested messages. Only declared messages count; the synthetic entry messages of map fields
 * do not, as Confluent counts over the .proto source, where maps are not messages.
 */
final class MessagePaths {
  private MessagePaths() {}

  /** The message at a path; empty when the path leads nowhere in this file. */
  static Optional<Descriptor> resolve(FileDescriptor file, List<Integer> path) {
    List<Descriptor> level = file.getMessageTypes();
    Descriptor found = null;
    for (int index : path) {
      if (index < 0 || index >= level.size()) {
        return Optional.empty();
      }
      found = level.get(index);
      level = declared(found.getNestedTypes());
    }
    return Optional.ofNullable(found);
  }

  /** The path of a message of this file. */
  static List<Integer> pathOf(Descriptor message) {
    List<Integer> path = new ArrayList<>();
    for (Descriptor d = message; d != null; d = d.getContainingType()) {
      List<Descriptor> siblings = d.getContainingType() == null
          ? d.getFile().getMessageTypes() : declared(d.getContainingType().getNestedTypes());
      path.add(siblings.indexOf(d));
    }
    Collections.reverse(path);
    return List.copyOf(path);
  }

  /** Every declared message of the file, depth first. */
  static List<Descriptor> all(FileDescriptor file) {
    List<Descriptor> out = new ArrayList<>();
    for (Descriptor top : file.getMessageTypes()) {
      collect(top, out);
    }
    return out;
  }

  private static void collect(Descriptor message, List<Descriptor> out) {
    out.add(message);
    for (Descriptor nested : declared(message.getNestedTypes())) {
      collect(nested, out);
    }
  }

  private static List<Descriptor> declared(List<Descriptor> nested) {
    return nested.stream().filter(d -> !d.getOptions().getMapEntry()).toList();
  }
}
