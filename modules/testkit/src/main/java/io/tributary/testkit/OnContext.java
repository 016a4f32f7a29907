package io.tributary.testkit;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs test code on a Vert.x context, for classes that must only be touched there (an engine's bookkeeping). */
public final class OnContext {
  private OnContext() {}

  /** Runs {@code action} on {@code vertx}'s context for this thread and answers its result (at most 30 s). */
  public static <T> T call(Vertx vertx, Callable<T> action) throws Exception {
    var context = vertx.getOrCreateContext();
    Promise<T> done = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        done.complete(action.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** As {@link #call}, for an action with no result. */
  public static void run(Vertx vertx, Runnable action) throws Exception {
    call(vertx, () -> {
      action.run();
      return null;
    });
  }
}
