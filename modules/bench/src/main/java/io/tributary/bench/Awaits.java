package io.tributary.bench;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits with a limit, for the harness's main thread only (never on an event loop). */
final class Awaits {
  private Awaits() {}

  static <T> T await(Future<T> future, long seconds) {
    try {
      return future.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new BenchFailure("no answer within " + seconds + " s", e);
    }
  }
}
