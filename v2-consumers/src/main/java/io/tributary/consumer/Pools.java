package io.tributary.consumer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's worker pools: named daemon threads that retire when idle. */
final class Pools {
  private Pools() {}

  /** At most {@code threads} threads, work queued beyond that; {@code threads <= 0} means no cap. */
  static ExecutorService fixed(String name, int threads) {
    ThreadPoolExecutor pool = threads > 0
        ? new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(name))
        : new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), named(name));
    pool.allowCoreThreadTimeOut(threads > 0);
    return pool;
  }

  private static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
