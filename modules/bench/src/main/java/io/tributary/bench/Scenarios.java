package io.tributary.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measurements the harness knows, by name, in their default running order. New ones register here. */
final class Scenarios {
  private record Entry(boolean needsProxy, Factory factory) {}

  @FunctionalInterface
  private interface Factory {
    Measurement create(BenchEnvironment env, PrintStream progress);
  }

  @FunctionalInterface
  private interface ScenarioFactory {
    Scenario create(BenchEnvironment env);
  }

  /** Ratios printed under the table when both rows were measured: {@code scenario} records/s ÷ {@code against}. */
  record Comparison(String scenario, String against) {}

  private static final Map<String, Entry> ALL = new LinkedHashMap<>();

  // One record per request over many connections: what the proxy costs per request when it is not bounded by the
  // closed loop's C requests in flight (issue 12's "v2-binary-1 at 64 connections").
  private static final int WIDE_CONNECTIONS = 64;
  private static final String WIDE_NAME = "v2-binary-1-c" + WIDE_CONNECTIONS;

  static {
    produce(NativeProduceScenario.NAME, false, NativeProduceScenario::new);
    produce("v1-binary-1", true, env -> binary(env, 1, 1));
    produce("v1-binary-100", true, env -> binary(env, 1, 100));
    produce("v2-binary-1", true, env -> binary(env, 2, 1));
    produce("v2-binary-100", true, env -> binary(env, 2, 100));
    produce(WIDE_NAME, true, env -> wide(env, 2, 1));
    produce("v2-avro-100", true, env -> new AvroProduceScenario(env, 100));
    produce(V3StreamingProduceScenario.NAME, true, V3StreamingProduceScenario::new);
    ALL.put(V2ConsumeMeasurement.NAME, new Entry(true, V2ConsumeMeasurement::new));
    ALL.put(V2FootprintMeasurement.NAME, new Entry(true, V2FootprintMeasurement::new));
    // Starts clustered nodes of its own (issue 14): the run's single proxy is not needed for it.
    ALL.put(V2ForwardedConsumeMeasurement.NAME, new Entry(false, V2ForwardedConsumeMeasurement::new));
  }

  private static final List<Comparison> COMPARISONS = List.of(
      new Comparison("v2-avro-100", "v2-binary-100"),
      new Comparison("v2-binary-100", "v1-binary-100"),
      new Comparison("v2-binary-1", "v1-binary-1"));

  private Scenarios() {}

  private static void produce(String name, boolean needsProxy, ScenarioFactory factory) {
    ALL.put(name, new Entry(needsProxy,
        (env, progress) -> new ProduceMeasurement(factory.create(env), env, progress)));
  }

  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  static List<Comparison> comparisons() {
    return COMPARISONS;
  }

  static boolean needsProxy(String name) {
    return entry(name).needsProxy();
  }

  static Measurement create(String name, BenchEnvironment env, PrintStream progress) {
    return entry(name).factory().create(env, progress);
  }

  private static Entry entry(String name) {
    Entry entry = ALL.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + names());
    }
    return entry;
  }

  private static Scenario binary(BenchEnvironment env, int version, int recordsPerRequest) {
    return binary(env, "v" + version + "-binary-" + recordsPerRequest, version, recordsPerRequest,
        env.options().connections());
  }

  /** The binary scenario over {@link #WIDE_CONNECTIONS} connections, whatever {@code --connections} says. */
  private static Scenario wide(BenchEnvironment env, int version, int recordsPerRequest) {
    return binary(env, WIDE_NAME, version, recordsPerRequest, WIDE_CONNECTIONS);
  }

  private static Scenario binary(BenchEnvironment env, String name, int version, int recordsPerRequest,
      int connections) {
    return new HttpProduceScenario(name,
        "POST /topics/{t}, vnd.kafka.binary.v" + version + "+json, " + recordsPerRequest + " record(s)/request, "
            + connections + " keep-alive connections, closed loop",
        version == 1 ? ProduceWorkload.v1Binary(env.value(), recordsPerRequest)
            : ProduceWorkload.v2Binary(env.value(), recordsPerRequest), env, connections);
  }
}
