package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.bus.BusEndpoints;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.BusWireCodec;
import io.tributary.core.bus.ClusterOps;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.bus.FormatOps;
import io.tributary.core.bus.ProduceOps;
import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bus contract as a whole: every operation's request and reply types cross the wire unchanged, every operation
 * has exactly one engine in a started server, and every holder of operations is enumerated here.
 */
class BusContractTest {
  /** Every class that declares operations; {@link #everyHolderOfOperationsIsListed} keeps this complete. */
  private static final List<Class<?>> HOLDERS = List.of(ProduceOps.class, AdminOps.class, ConsumerOps.class,
      FormatOps.class, RegistryOps.class, ClusterOps.class);

  static Stream<BusOperation<?, ?>> operations() {
    return HOLDERS.stream().flatMap(holder -> BusOperation.declaredIn(holder).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void requestAndReplyRoundTripThroughTheWireCodec(BusOperation<?, ?> operation) throws Exception {
    assertRoundTrips(operation.requestType());
    assertRoundTrips(operation.replyType());
  }

  @Test
  void addressesAreUnique() {
    List<String> addresses = operations().map(BusOperation::address).toList();
    assertThat(addresses).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(57);
  }

  @Test
  void everyOperationIsServedByExactlyOneEngineAfterStartUp() {
    var vertx = TestServer.shared().server().vertx();

    operations().forEach(operation -> assertThat(BusEndpoints.servers(vertx, operation).keySet())
        .as("deployments serving %s", operation).hasSize(1).doesNotContain("none"));
  }

  @Test
  void everyHolderOfOperationsIsListed() throws IOException {
    Pattern declaration = Pattern.compile("package ([\\w.]+);[\\s\\S]*?public final class (\\w+)[\\s\\S]*?"
        + "BusOperation\\.of\\(");
    List<String> declared = new ArrayList<>();
    for (Path file : MainSources.javaFiles()) {
      Matcher m = declaration.matcher(Files.readString(file));
      if (m.find() && !file.endsWith("BusOperation.java")) {
        declared.add(m.group(1) + "." + m.group(2));
      }
    }
    assertThat(declared).containsExactlyInAnyOrderElementsOf(HOLDERS.stream().map(Class::getName).toList());
  }

  private static <T> void assertRoundTrips(Class<T> type) throws Exception {
    T sample = type.cast(new Samples().of(type));
    MessageCodec<T, T> codec = BusWireCodec.of(type);
    Buffer wire = Buffer.buffer().appendString("ahead");
    codec.encodeToWire(wire, sample);

    T back = codec.decodeFromWire("ahead".length(), wire);

    assertThat(back).as(type.getName()).isInstanceOf(type).usingRecursiveComparison()
        .withEqualsForType(Buffer::equals, Buffer.class)
        .withEqualsForType((a, b) -> a.code() == b.code() && a.errorCode() == b.errorCode()
            && a.getMessage().equals(b.getMessage()), TributaryException.class)
        .isEqualTo(sample);
  }

  /**
   * Builds a record from {@code values}; one whose constructor refuses them (components that exclude each other,
   * such as a subscription's topics and pattern) is built with one optional component left out instead.
   */
  private static Object construct(Constructor<?> canonical, Object[] values) throws Exception {
    try {
      return canonical.newInstance(values);
    } catch (InvocationTargetException refused) {
      for (int i = 0; i < values.length; i++) {
        if (!canonical.getParameterTypes()[i].isPrimitive()) {
          Object[] fewer = values.clone();
          fewer[i] = null;
          try {
            return canonical.newInstance(fewer);
          } catch (InvocationTargetException alsoRefused) {
            // try the next one
          }
        }
      }
      throw refused;
    }
  }

  /** Distinct non-default values for every record component, built through canonical constructors. */
  private static final class Samples {
    private int next = 1;

    Object of(Type type) throws Exception {
      if (type instanceof ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (Map.class.isAssignableFrom(raw)) {
          return Map.of(of(args[0]), of(args[1]));
        }
        if (Set.class.isAssignableFrom(raw)) {
          return Set.of(of(args[0]));
        }
        if (Collection.class.isAssignableFrom(raw)) {
          return List.of(of(args[0]));
        }
        throw new AssertionError("no sample for " + type);
      }
      Class<?> c = (Class<?>) type;
      int n = next++;
      if (c == String.class) {
        return "s" + n;
      } else if (c == int.class || c == Integer.class) {
        return n;
      } else if (c == long.class || c == Long.class) {
        return 1_000_000_000_000L + n;
      } else if (c == short.class || c == Short.class) {
        return (short) n;
      } else if (c == boolean.class || c == Boolean.class) {
        return true;
      } else if (c == double.class || c == Double.class) {
        return n + 0.5;
      } else if (c == byte[].class) {
        return new byte[] {(byte) n, 0, -1};
      } else if (c.isEnum()) {
        Object[] constants = c.getEnumConstants();
        return constants[constants.length - 1];
      } else if (c == Buffer.class) {
        return Buffer.buffer("[{\"chunk\":" + n + "}]");
      } else if (c == TributaryException.class) {
        return ErrorCode.values()[n % ErrorCode.values().length].toException("failure " + n);
      } else if (c == Object.class) {
        // A JSON value as the converters hold one.
        return new JsonObject().put("n", n).put("s", "v" + n);
      } else if (c.isRecord()) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
          values[i] = of(components[i].getGenericType());
        }
        Constructor<?> canonical = c.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return construct(canonical, values);
      } else if (c.isArray()) {
        Object array = Array.newInstance(c.getComponentType(), 1);
        Array.set(array, 0, of(c.getComponentType()));
        return array;
      }
      throw new AssertionError("no sample for " + c.getName() + ": bus messages are records of plain values");
    }
  }
}
