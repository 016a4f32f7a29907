package io.tributary.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.apache.kafka.common.KafkaFuture;

/** Bridges Kafka's futures to Vert.x futures that complete on the caller's context. */
public final class KafkaFutures {
  private KafkaFutures() {}

  /** Completes on {@code context}, with Kafka failures translated by {@link KafkaErrors}. */
  public static <T> Future<T> toFuture(KafkaFuture<T> kafkaFuture, Context context) {
    Promise<T> promise = Promise.promise();
    kafkaFuture.whenComplete((value, error) -> context.runOnContext(v -> {
      if (error != null) {
        promise.fail(KafkaErrors.translate(error));
      } else {
        promise.complete(value);
      }
    }));
    return promise.future();
  }
}
