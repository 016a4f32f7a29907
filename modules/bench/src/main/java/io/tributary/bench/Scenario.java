package io.tributary.bench;

/**
 * One way of putting records into Kafka whose throughput is measured: the native producer, or one proxy API.
 * The {@link BenchRunner} creates a fresh topic per scenario, runs a warm-up phase and then a measured phase on it,
 * and checks afterwards that the topic holds exactly the records the scenario reported.
 *
 * <p>To add a scenario (v2 produce, v2 consume, streaming v3 produce, ...), implement this, usually on top of
 * {@link HttpLoadDriver} with an {@link HttpWorkload}, and register it in {@link Scenarios}.
 */
interface Scenario extends AutoCloseable {

  /** Short name used on the command line and in the report, e.g. {@code v1-binary-100}. */
  String name();

  /** One line for the report: what is sent, how. */
  String description();

  /** Runs one phase against {@code topic}; throws {@link BenchFailure} on any rejected or failed record. */
  PhaseResult run(String topic, Phase phase) throws Exception;

  @Override
  default void close() {}
}
