package io.tributary.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Function;

/** How engines answer their addresses: each message gets the operation's reply record or its failure code. */
public final class BusEndpoints {
  private BusEndpoints() {}

  /**
   * Registers {@code operation} on {@code address}. A result is replied as-is; a failure (returned or thrown) goes
   * through {@code translate} and then {@link BusFailures#fail}, so that it crosses the bus with its error code.
   */
  public static <Q> MessageConsumer<Q> serve(Vertx vertx, String address, Function<Q, Future<?>> operation,
      Function<Throwable, ? extends Throwable> translate) {
    return vertx.eventBus().<Q>localConsumer(address, message -> {
      Future<?> result;
      try {
        result = operation.apply(message.body());
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onSuccess(message::reply).onFailure(error -> BusFailures.fail(message, translate.apply(error)));
    });
  }
}
