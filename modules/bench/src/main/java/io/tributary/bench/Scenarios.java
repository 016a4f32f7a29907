package io.tributary.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenarios the harness knows, by name, in their default running order. New scenarios register here. */
final class Scenarios {
  private record Entry(boolean needsProxy, Factory factory) {}

  @FunctionalInterface
  private interface Factory {
    Scenario create(BenchEnvironment env);
  }

  private static final Map<String, Entry> ALL = new LinkedHashMap<>();

  static {
    ALL.put(NativeProduceScenario.NAME, new Entry(false, NativeProduceScenario::new));
    ALL.put("v1-binary-1", new Entry(true, env -> v1Binary(env, 1)));
    ALL.put("v1-binary-100", new Entry(true, env -> v1Binary(env, 100)));
  }

  private Scenarios() {}

  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  static boolean needsProxy(String name) {
    return entry(name).needsProxy();
  }

  static Scenario create(String name, BenchEnvironment env) {
    return entry(name).factory().create(env);
  }

  private static Entry entry(String name) {
    Entry entry = ALL.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + names());
    }
    return entry;
  }

  private static Scenario v1Binary(BenchEnvironment env, int recordsPerRequest) {
    return new HttpProduceScenario("v1-binary-" + recordsPerRequest,
        "POST /topics/{t}, vnd.kafka.binary.v1+json, " + recordsPerRequest + " record(s)/request, "
            + env.options().connections() + " keep-alive connections, closed loop",
        new V1BinaryProduceWorkload(env.value(), recordsPerRequest), env);
  }
}
