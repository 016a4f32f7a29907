package io.tributary.bench;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** Clustered Tributary nodes the harness started for a measurement, addressed over HTTP; closing stops them. */
interface ClusterNodes extends AutoCloseable {
  /** The HTTP addresses of the nodes, in start order. */
  List<URI> nodes();

  /** The HTTP address of node {@code i} (0-based, in start order). */
  default URI node(int i) {
    return nodes().get(i);
  }

  default int size() {
    return nodes().size();
  }

  /**
   * Heap in use after a full collection in node {@code i}'s own JVM, or empty when the nodes share the harness's
   * JVM (then only {@link HeapProbe} of the whole JVM can say).
   */
  OptionalLong heapAfterGc(int i);

  /** Where the nodes run, for the report. */
  String where();

  @Override
  void close();
}
