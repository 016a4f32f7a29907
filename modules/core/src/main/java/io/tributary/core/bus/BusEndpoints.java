package io.tributary.core.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.LocalMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How engines answer their operations: each message gets the operation's reply record or its failure code. Every
 * registration is counted per deployment so that a test can prove each operation has exactly one engine.
 */
public final class BusEndpoints {
  private static final String SERVED = "tributary.bus.served";
  private static final char SEPARATOR = '\u0000';

  private BusEndpoints() {}

  /**
   * Registers {@code handler} for {@code operation} on this node: for this node's senders only, or cluster-wide for a
   * node-scoped operation ({@link BusOperation#onNode}). A result is replied as-is; a failure (returned or
   * thrown) goes through {@code translate} and then {@link BusFailures#fail}, so that it crosses the bus with its
   * error code.
   */
  public static <Q extends BusMessage, R extends BusMessage> MessageConsumer<Q> serve(Vertx vertx,
      BusOperation<Q, R> operation, Function<? super Q, ? extends Future<? extends R>> handler,
      Function<Throwable, ? extends Throwable> translate) {
    BusWireCodec.register(vertx, operation);
    Handler<Message<Q>> serving = message -> {
      Future<? extends R> result;
      try {
        result = handler.apply(operation.requestType().cast(message.body()));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onSuccess(message::reply).onFailure(error -> BusFailures.fail(message, translate.apply(error)));
    };
    MessageConsumer<Q> consumer = register(vertx, operation.address(), operation.nodeScoped(), serving);
    if (operation.nodeScoped()) {
      NodeRegistrations.of(vertx).add(vertx, operation.address(), serving, consumer);
    }
    return consumer;
  }

  /**
   * Announces this node's node-scoped addresses to the cluster again, each registered anew on its verticle's context
   * before its previous registration ends (so that there is no moment without one): after a split-brain merge, Vert.x's
   * clustered event bus can lose them from the cluster's registration map while the handlers are still here
   * (eclipse-vertx/vert.x#4394). Completes with how many were announced.
   */
  public static Future<Integer> reannounce(Vertx vertx) {
    return NodeRegistrations.of(vertx).renewAll(vertx);
  }

  /** A registration counted for {@link #servers}; cluster-wide or for this node's senders only. */
  static <Q> MessageConsumer<Q> register(Vertx vertx, String address, boolean clusterWide,
      Handler<Message<Q>> serving) {
    MessageConsumer<Q> consumer = clusterWide
        ? vertx.eventBus().consumer(address, serving)
        : vertx.eventBus().localConsumer(address, serving);
    String key = address + SEPARATOR + deploymentOf();
    LocalMap<String, Integer> served = vertx.sharedData().getLocalMap(SERVED);
    served.merge(key, 1, Integer::sum);
    consumer.endHandler(unregistered -> served.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null));
    return consumer;
  }

  /**
   * The deployments that serve {@code operation} on this node, with how many handlers each registered (a verticle
   * deployed with several instances registers once per instance).
   */
  public static Map<String, Integer> servers(Vertx vertx, BusOperation<?, ?> operation) {
    String prefix = operation.address() + SEPARATOR;
    Map<String, Integer> found = new HashMap<>();
    vertx.sharedData().<String, Integer>getLocalMap(SERVED).forEach((key, count) -> {
      if (key.startsWith(prefix)) {
        found.put(key.substring(prefix.length()), count);
      }
    });
    return found;
  }

  private static String deploymentOf() {
    Context context = Vertx.currentContext();
    String id = context == null ? null : context.deploymentID();
    return id == null ? "none" : id;
  }
}
