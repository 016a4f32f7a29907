package io.tributary.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options. Every phase is bounded twice: by a record count and by a time limit, whichever comes first.
 *
 * @param records measured records per scenario (upper bound)
 * @param duration time limit of a measured phase
 * @param warmupRecords warm-up records per scenario (upper bound)
 * @param warmupDuration time limit of a warm-up phase
 * @param connections concurrent keep-alive HTTP/1.1 connections for the proxy scenarios
 * @param clientThreads event loops of the load generator
 * @param partitions partitions of each benchmark topic
 * @param valueBytes size of each record value
 * @param nativeWindow most unacknowledged records the native producer may have, 0 for no limit
 * @param scenarios scenario names, in the order they run
 * @param bootstrap an existing Kafka cluster, or null to start an embedded broker
 * @param url a running proxy, or null to start one in this JVM
 * @param consumeRecords records the consume measurement drains (native and v2)
 * @param consumeDuration time limit of each drain
 * @param consumeRepetitions measured drains per side, native and v2 alternating; the median of each is reported
 * @param consumerInstances v2 consumer instances the footprint measurement holds at once
 * @param footprintDuration how long the footprint measurement reads its instances round-robin
 * @param chart where the SVG bar chart of the ratios is written, next to the printed table
 * @param footprintNodes clustered nodes (started in this JVM) the footprint measurement spreads its instances over;
 *     1 for the run's single proxy
 * @param nodesInOwnJvms whether the clustered nodes (the footprint's, the forwarded read's) run each in a JVM of
 *     its own (a process per node, its heap measured with {@code jcmd}) instead of in this one
 */
record BenchOptions(long records, Duration duration, long warmupRecords, Duration warmupDuration, int connections,
    int clientThreads, int partitions, int valueBytes, int nativeWindow, List<String> scenarios, String bootstrap,
    URI url, long consumeRecords, Duration consumeDuration, int consumeRepetitions, int consumerInstances,
    Duration footprintDuration, Path chart, int footprintNodes, boolean nodesInOwnJvms) {

  static final String USAGE = """
      usage: java -jar tributary-bench.jar [options]
        --records N              measured records per scenario, upper bound (default 3000000)
        --duration-seconds S     time limit of each measured phase (default 20)
        --warmup N               warm-up records per scenario, upper bound (default 3000000)
        --warmup-seconds S       time limit of each warm-up phase (default 10)
        --connections C          concurrent keep-alive HTTP/1.1 connections (default 8)
        --client-threads T       event loops of the HTTP load generator (default 1)
        --partitions P           partitions per benchmark topic (default 1)
        --value-bytes B          bytes per record value (default 100)
        --native-window N        most unacknowledged records of the native producer, 0 = no limit (default 5000)
        --scenarios a,b,...      any of %s (default: all)
        --bootstrap HOST:PORT    use this Kafka cluster instead of an embedded broker
        --url http://HOST:PORT   use this running proxy (needs --bootstrap: the proxy's cluster)
        --consume-records N      records of the consume measurements' topics (default 10000000)
        --consume-seconds S      time limit of each consume drain (default 60)
        --consume-repetitions R  measured drains per side of the consume measurement, median reported (default 5)
        --consumer-instances N   v2 consumer instances of the footprint measurement (default 1000)
        --footprint-seconds S    round-robin reading time of the footprint measurement (default 20)
        --chart FILE             SVG bar chart of the ratios (default tributary-bench.svg)
        --footprint-nodes N      spread the footprint's instances over N clustered nodes in this JVM (default 1)
        --cluster-jvm own|shared run the clustered nodes (footprint nodes, forwarded read) each in its own process,
                                 as they are deployed, or all in this JVM (default own; --footprint-jvm is the
                                 older name)
      """;

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a message naming the bad option. */
  static BenchOptions parse(String[] args) {
    // Large enough that the fast scenarios measure for several seconds (a 2 s phase is at the mercy of one GC
    // pause); the slow ones end on the time limit.
    long records = 3_000_000;
    long durationSeconds = 20;
    // Warm-ups are meant to end on their time limit: the broker's and the proxy's produce paths are only compiled
    // after many thousand requests, and a first scenario that ends its warm-up early measures a cold broker.
    long warmupRecords = 3_000_000;
    long warmupSeconds = 10;
    int connections = 8;
    int clientThreads = 1;
    int partitions = 1;
    int valueBytes = 100;
    // A producer flooded with a full 32 MB buffer is slower than one kept a few thousand records ahead (buffer-pool
    // waits, lock contention, live data for the GC); a window makes the baseline the better of the two.
    int nativeWindow = 5000;
    List<String> scenarios = Scenarios.names();
    String bootstrap = null;
    URI url = null;
    // A native drain of 3 million records lasted 0.8-1.9 s on the 2-core machine, and the native rate varied by 2.4x
    // between drains of one run: too short a phase to measure. With 10 million (native drains of 1.9-5.2 s) the
    // median of five alternating drains per side gave consume ratios within a few per cent of each other.
    long consumeRecords = 10_000_000;
    long consumeSeconds = 60;
    int consumeRepetitions = 5;
    int consumerInstances = 1000;
    long footprintSeconds = 20;
    Path chart = Path.of("tributary-bench.svg");
    int footprintNodes = 1;
    // Nodes of a cluster are separate processes wherever they are deployed; in one JVM they also share its heap, its
    // collector and its JIT threads with the harness.
    boolean nodesInOwnJvms = true;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Unknown option or missing value: " + option);
      }
      String value = args[i + 1];
      switch (option) {
        case "--records" -> records = positiveLong(option, value);
        case "--duration-seconds" -> durationSeconds = positiveLong(option, value);
        case "--warmup" -> warmupRecords = nonNegativeLong(option, value);
        case "--warmup-seconds" -> warmupSeconds = nonNegativeLong(option, value);
        case "--connections" -> connections = positiveInt(option, value, 1024);
        case "--client-threads" -> clientThreads = positiveInt(option, value, 64);
        case "--partitions" -> partitions = positiveInt(option, value, 10_000);
        case "--value-bytes" -> valueBytes = positiveInt(option, value, 1 << 20);
        case "--native-window" -> nativeWindow = (int) Math.min(nonNegativeLong(option, value), Integer.MAX_VALUE);
        case "--scenarios" -> scenarios = scenarioList(value);
        case "--bootstrap" -> bootstrap = value;
        case "--url" -> url = URI.create(value);
        case "--consume-records" -> consumeRecords = positiveLong(option, value);
        case "--consume-seconds" -> consumeSeconds = positiveLong(option, value);
        case "--consume-repetitions" -> consumeRepetitions = positiveInt(option, value, 1000);
        case "--consumer-instances" -> consumerInstances = positiveInt(option, value, 100_000);
        case "--footprint-seconds" -> footprintSeconds = positiveLong(option, value);
        case "--chart" -> chart = Path.of(value);
        case "--footprint-nodes" -> footprintNodes = positiveInt(option, value, 16);
        case "--cluster-jvm", "--footprint-jvm" -> nodesInOwnJvms = switch (value) {
          case "own" -> true;
          case "shared" -> false;
          default -> throw new IllegalArgumentException(option + " is shared or own, not " + value);
        };
        default -> throw new IllegalArgumentException("Unknown option: " + option);
      }
    }
    if (url != null && bootstrap == null) {
      throw new IllegalArgumentException("--url needs --bootstrap (the cluster that proxy talks to)");
    }
    return new BenchOptions(records, Duration.ofSeconds(durationSeconds), warmupRecords,
        Duration.ofSeconds(warmupSeconds), connections, clientThreads, partitions, valueBytes, nativeWindow, scenarios,
        bootstrap, url, consumeRecords, Duration.ofSeconds(consumeSeconds), consumeRepetitions, consumerInstances,
        Duration.ofSeconds(footprintSeconds), chart, footprintNodes, nodesInOwnJvms);
  }

  private static List<String> scenarioList(String value) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.trim();
      if (!Scenarios.names().contains(trimmed)) {
        throw new IllegalArgumentException("Unknown scenario '" + trimmed + "'; known: " + Scenarios.names());
      }
      names.add(trimmed);
    }
    return List.copyOf(names);
  }

  private static long positiveLong(String option, String value) {
    long n = nonNegativeLong(option, value);
    if (n == 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return n;
  }

  private static long nonNegativeLong(String option, String value) {
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n < 0) {
        throw new IllegalArgumentException(option + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
    }
  }

  private static int positiveInt(String option, String value, int max) {
    long n = positiveLong(option, value);
    if (n > max) {
      throw new IllegalArgumentException(option + " must be at most " + max);
    }
    return (int) n;
  }

  /** An upper bound for the whole run, for the watchdog: every phase's limit plus generous set-up slack. */
  Duration worstCase() {
    // Produce scenarios: two phases; consume: two warm-up and two measured drains; footprint: set-up, reading and
    // tear-down of its instances. Each with generous slack.
    Duration perScenario = duration.plus(warmupDuration).plusSeconds(120);
    Duration consume = warmupDuration.plus(consumeDuration.multipliedBy(consumeRepetitions)).multipliedBy(2)
        .plusSeconds(300);
    Duration footprint = footprintDuration.plusSeconds(900);
    return perScenario.plus(consume).plus(footprint).multipliedBy(scenarios.size()).plusSeconds(300);
  }
}
