package io.tributary.bench;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** Clustered Tributary nodes the harness started for a measurement, addressed over HTTP; closing stops them. */
interface ClusterNodes extends AutoCloseable {
  /** The HTTP address of node {@code i} (0-based, in start order). */
  URI node(int i);

  int size();

  /**
   * Heap in use after a full collection in node {@code i}'s own JVM, or empty when the nodes share the harness's
   * JVM (then only {@link HeapProbe} of the whole JVM can say).
   */
  OptionalLong heapAfterGc(int i);

  /** Where node {@code i} runs, for the report. */
  String where();

  @Override
  void close();

  /** The addresses of all nodes. */
  default List<URI> nodes() {
    return java.util.stream.IntStream.range(0, size()).mapToObj(this::node).toList();
  }
}
