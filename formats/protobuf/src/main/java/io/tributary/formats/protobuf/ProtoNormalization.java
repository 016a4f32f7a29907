package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kotlin.ranges.IntRange;

/**
 * Protobuf's side of the registry's {@code normalize}, on Wire's parsed file: what Confluent's registry normalizes
 * away is taken out, what changes the data or the message indexes stays.
 *
 * <ul>
 *   <li>imports (plain, public, weak) sorted, duplicates dropped; {@code syntax = "proto2"} left out (the default);
 *   <li>options sorted by name, at every level; comments dropped;
 *   <li>reserved numbers, ranges and names one per statement, by number, names last;
 *   <li>fields in the order of their numbers; a oneof's fields too, oneofs ordered by their first field, empty
 *       ones dropped; enum values by number, then name;
 *   <li>message and enum type names fully qualified ({@code .shop.Order.Line}), map values too;
 *   <li>within a scope, messages before enums. The order of messages among themselves is kept: records name their
 *       message by its index.
 * </ul>
 *
 * <p>Wire writes a message's declarations in the order of their source locations, so the normalized declarations
 * get new locations in their new order.
 */
final class ProtoNormalization {
  private static final Comparator<OptionElement> BY_NAME =
      Comparator.comparing(OptionElement::getName).thenComparing(OptionElement::toSchema);

  /** The next source line handed out: declarations are written in this order. */
  private int line = 1;

  private ProtoNormalization() {}

  /** The normalized file; {@code file} is the descriptor built from {@code element}, for type names. */
  static ProtoFileElement normalize(ProtoFileElement element, FileDescriptor file) {
    return new ProtoNormalization().file(element, file);
  }

  private ProtoFileElement file(ProtoFileElement element, FileDescriptor file) {
    List<TypeElement> types = new ArrayList<>();
    for (TypeElement type : messagesFirst(element.getTypes())) {
      if (type instanceof MessageElement message) {
        types.add(message(message, file.findMessageTypeByName(message.getName())));
      } else if (type instanceof EnumElement enumeration) {
        types.add(enumeration(enumeration));
      } else {
        types.add(type);
      }
    }
    return new ProtoFileElement(element.getLocation(), element.getPackageName(),
        element.getSyntax() == Syntax.PROTO_2 ? null : element.getSyntax(), sortedDistinct(element.getImports()),
        sortedDistinct(element.getPublicImports()), sortedDistinct(element.getWeakImports()), types,
        element.getServices(), element.getExtendDeclarations(), options(element.getOptions()));
  }

  private MessageElement message(MessageElement message, Descriptor descriptor) {
    List<TypeElement> nested = new ArrayList<>();
    for (TypeElement type : messagesFirst(message.getNestedTypes())) {
      if (type instanceof MessageElement child) {
        nested.add(message(child, descriptor == null ? null : descriptor.findNestedTypeByName(child.getName())));
      } else if (type instanceof EnumElement enumeration) {
        nested.add(enumeration(enumeration));
      } else {
        nested.add(type);
      }
    }
    List<ReservedElement> reserveds = reserveds(message.getReserveds(), true);
    List<FieldElement> fields = fields(message.getFields(), descriptor);
    List<OneOfElement> sortedOneOfs = new ArrayList<>(message.getOneOfs().stream()
        .filter(o -> !o.getFields().isEmpty()).toList());
    sortedOneOfs.sort(Comparator.comparingInt(o -> o.getFields().stream().mapToInt(FieldElement::getTag).min()
        .orElse(0)));
    List<OneOfElement> oneOfs = new ArrayList<>();
    for (OneOfElement oneOf : sortedOneOfs) {
      oneOfs.add(new OneOfElement(oneOf.getName(), "", fields(oneOf.getFields(), descriptor), oneOf.getGroups(),
          options(oneOf.getOptions()), oneOf.getLocation().at(line++, 1)));
    }
    return new MessageElement(message.getLocation(), message.getName(), "", relocated(nested),
        options(message.getOptions()), reserveds, fields, oneOfs, message.getExtensions(),
        message.getGroups(), message.getExtendDeclarations());
  }

  private List<FieldElement> fields(List<FieldElement> fields, Descriptor descriptor) {
    List<FieldElement> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparingInt(FieldElement::getTag));
    List<FieldElement> out = new ArrayList<>();
    for (FieldElement field : sorted) {
      FieldDescriptor resolved = descriptor == null ? null : descriptor.findFieldByNumber(field.getTag());
      out.add(new FieldElement(field.getLocation().at(line++, 1), field.getLabel(), qualifiedType(field, resolved),
          field.getName(), field.getDefaultValue(), field.getJsonName(), field.getTag(), "",
          options(field.getOptions())));
    }
    return out;
  }

  /** The field's type with message and enum names fully qualified, as the built descriptor resolved them. */
  private String qualifiedType(FieldElement field, FieldDescriptor resolved) {
    if (resolved == null) {
      return field.getType();
    }
    if (resolved.isMapField()) {
      FieldDescriptor value = resolved.getMessageType().findFieldByName("value");
      String type = field.getType();
      int comma = type.indexOf(',');
      if (value == null || comma < 0 || !type.startsWith("map<")) {
        return type;
      }
      String valueType = switch (value.getJavaType()) {
        case MESSAGE -> "." + value.getMessageType().getFullName();
        case ENUM -> "." + value.getEnumType().getFullName();
        default -> type.substring(comma + 1, type.length() - 1).strip();
      };
      return "map<" + type.substring(4, comma).strip() + ", " + valueType + ">";
    }
    return switch (resolved.getJavaType()) {
      case MESSAGE -> "." + resolved.getMessageType().getFullName();
      case ENUM -> "." + resolved.getEnumType().getFullName();
      default -> field.getType();
    };
  }

  private EnumElement enumeration(EnumElement enumeration) {
    List<EnumConstantElement> constants = new ArrayList<>();
    for (EnumConstantElement c : enumeration.getConstants()) {
      constants.add(new EnumConstantElement(c.getLocation(), c.getName(), c.getTag(), "", options(c.getOptions())));
    }
    constants.sort(Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName));
    return new EnumElement(enumeration.getLocation(), enumeration.getName(), "", options(enumeration.getOptions()),
        constants, reserveds(enumeration.getReserveds(), false));
  }

  /**
   * Reserved numbers, ranges and names one per statement, numbers and ranges by their first number, then names;
   * placed before the fields when {@code relocate} (a message's declarations are written by location).
   */
  private List<ReservedElement> reserveds(List<ReservedElement> reserveds, boolean relocate) {
    List<ReservedElement> single = new ArrayList<>();
    for (ReservedElement r : reserveds) {
      for (Object value : r.getValues()) {
        single.add(new ReservedElement(r.getLocation(), "", List.of(value)));
      }
    }
    single.sort(Comparator.comparingLong((ReservedElement r) -> firstNumber(r.getValues().get(0)))
        .thenComparing(r -> String.valueOf(r.getValues().get(0))));
    if (!relocate) {
      return single;
    }
    List<ReservedElement> out = new ArrayList<>();
    for (ReservedElement r : single) {
      out.add(new ReservedElement(r.getLocation().at(line++, 1), "", r.getValues()));
    }
    return out;
  }

  /** A reserved value's first number; names sort after every number. */
  private static long firstNumber(Object value) {
    if (value instanceof Integer number) {
      return number;
    }
    if (value instanceof IntRange range) {
      return range.getFirst();
    }
    return Long.MAX_VALUE;
  }

  /** Nested types placed after the fields and oneofs that precede them here, in their list order. */
  private List<TypeElement> relocated(List<TypeElement> types) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeElement type : types) {
      if (type instanceof MessageElement m) {
        out.add(new MessageElement(m.getLocation().at(line++, 1), m.getName(), m.getDocumentation(),
            m.getNestedTypes(), m.getOptions(), m.getReserveds(), m.getFields(), m.getOneOfs(), m.getExtensions(),
            m.getGroups(), m.getExtendDeclarations()));
      } else if (type instanceof EnumElement e) {
        out.add(new EnumElement(e.getLocation().at(line++, 1), e.getName(), e.getDocumentation(), e.getOptions(),
            e.getConstants(), e.getReserveds()));
      } else {
        out.add(type);
      }
    }
    return out;
  }

  private List<TypeElement> messagesFirst(List<TypeElement> types) {
    List<TypeElement> out = new ArrayList<>(types);
    out.sort(Comparator.comparingInt(t -> t instanceof MessageElement ? 0 : 1));
    return out;
  }

  private List<OptionElement> options(List<OptionElement> options) {
    return options.stream().sorted(BY_NAME).toList();
  }

  private List<String> sortedDistinct(List<String> names) {
    return names.stream().distinct().sorted().toList();
  }
}
