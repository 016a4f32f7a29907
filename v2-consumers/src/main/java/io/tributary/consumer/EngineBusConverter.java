package io.tributary.consumer;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.formats.FormatConverter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The format converters as the consumer engine reaches them, to decode the schema formats of a read. */
final class EngineBusConverter {
  private EngineBusConverter() {}

  static FormatConverter over(Vertx vertx, long timeoutMs) {
    return FormatConverter.over(new FormatConverter.BusRequests() {
      @Override
      public <Q extends BusMessage, R extends BusMessage> Future<R> request(BusOperation<Q, R> operation,
          Q message) {
        return operation.call(vertx, message, timeoutMs);
      }
    });
  }
}
