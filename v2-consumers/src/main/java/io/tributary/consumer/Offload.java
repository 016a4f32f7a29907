package io.tributary.consumer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs blocking Kafka work on an executor and completes the result back on the owning Vert.x context. */
final class Offload {
  private Offload() {}

  static <T> Future<T> call(Context context, Executor executor, Callable<T> work) {
    Promise<T> promise = Promise.promise();
    try {
      executor.execute(() -> {
        T value;
        try {
          value = work.call();
        } catch (Throwable error) {
          context.runOnContext(v -> promise.fail(error));
          return;
        }
        context.runOnContext(v -> promise.complete(value));
      });
    } catch (RejectedExecutionException stopped) {
      promise.fail(stopped);
    }
    return promise.future();
  }
}
