package io.tributary.consumer;

import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.tributary.formats.FormatConverter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** The format converters as the consumer engine reaches them, to decode the schema formats of a read. */
final class EngineBusConverter {
  private EngineBusConverter() {}

  static FormatConverter over(Vertx vertx, long timeoutMs) {
    return FormatConverter.over(new FormatConverter.BusRequests() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Future<T> request(String address, BusMessage message) {
        return vertx.eventBus().<Object>request(address, message, new DeliveryOptions().setSendTimeout(timeoutMs))
            .map(reply -> (T) ((Message<Object>) reply).body())
            .recover(error -> Future.failedFuture(BusFailures.fromReply(error)));
      }
    });
  }
}
