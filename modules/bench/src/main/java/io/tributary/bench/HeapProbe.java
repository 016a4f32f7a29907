package io.tributary.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap in use after a full collection, and live threads, of this JVM: meaningful for the proxy only when it runs
 * in-process (the default), and then it includes the broker and the load generator too, so only differences
 * between two samples are reported.
 */
final class HeapProbe {
  private static final int COLLECTIONS = 2;
  private static final long SETTLE_MS = 200;

  /** One sample. */
  record Sample(long heapUsedBytes, int liveThreads) {

    /** This sample minus {@code baseline}, in MiB of heap and in threads. */
    String since(Sample baseline) {
      return String.format(java.util.Locale.ROOT, "%+.1f MiB heap, %+d threads (%d live)",
          (heapUsedBytes - baseline.heapUsedBytes) / (1024.0 * 1024.0), liveThreads - baseline.liveThreads,
          liveThreads);
    }
  }

  private HeapProbe() {}

  static Sample sample() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < COLLECTIONS; i++) {
      // Two collections with a pause: objects that become unreachable once finalisers and cleaners ran go too.
      System.gc();
      try {
        Thread.sleep(SETTLE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailure("interrupted", e);
      }
    }
    return new Sample(memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getThreadMXBean().getThreadCount());
  }
}
