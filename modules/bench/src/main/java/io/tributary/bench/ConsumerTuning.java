package io.tributary.bench;

import java.util.Map;

/**
 * The consumer settings both sides of the consume comparison use, so that neither is handicapped: the proxy gets
 * them as its documented {@code consumer.*} pass-through configuration (so they apply to every REST consumer
 * instance of the run), the native consumer as its own properties. Kafka's defaults (500 records per poll, 1 MiB
 * per partition per fetch) make both sides fetch in small steps; a REST read that returns thousands of records
 * should not need a dozen polls for them.
 */
final class ConsumerTuning {
  static final int MAX_POLL_RECORDS = 10_000;
  static final int MAX_PARTITION_FETCH_BYTES = 10 * 1024 * 1024;
  /** The byte budget of one v2 read ({@code max_bytes}): about 10,000 records of 100 bytes. */
  static final long READ_MAX_BYTES = 1_000_000;
  /** The longest one v2 read waits ({@code timeout}, ms). */
  static final long READ_TIMEOUT_MS = 1_000;

  private ConsumerTuning() {}

  /** Kafka consumer properties (without the {@code consumer.} prefix). */
  static Map<String, String> kafkaProperties() {
    return Map.of("max.poll.records", Integer.toString(MAX_POLL_RECORDS),
        "max.partition.fetch.bytes", Integer.toString(MAX_PARTITION_FETCH_BYTES));
  }

  static String describe() {
    return "max.poll.records=" + MAX_POLL_RECORDS + ", max.partition.fetch.bytes=" + MAX_PARTITION_FETCH_BYTES;
  }
}
