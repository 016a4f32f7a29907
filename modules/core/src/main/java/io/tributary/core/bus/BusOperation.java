package io.tributary.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One operation on the event bus: its address, the request and reply types and the send timeout. Senders get a
 * {@code Future<R>} ({@link #call}); the engine that owns the operation answers it with a {@code Q -> Future<R>}
 * function ({@link #serve}). A request or reply of the wrong type does not compile, and no string address leaves
 * {@code core}. Every request and reply type travels by reference inside one JVM and has a versioned wire form
 * ({@link BusWireCodec}) for when the bus spans nodes.
 *
 * <p>The operations are the constants of {@link ProduceOps}, {@link AdminOps}, {@link ConsumerOps},
 * {@link FormatOps} and the embedded registry's own {@code RegistryOps}.
 *
 * @param <Q> the request record
 * @param <R> the reply record
 */
public final class BusOperation<Q extends BusMessage, R extends BusMessage> {
  /** The send timeout of an operation that names none: Vert.x's default. */
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofMillis(DeliveryOptions.DEFAULT_TIMEOUT);

  private final String address;
  private final Class<Q> requestType;
  private final Class<R> replyType;
  private final Duration sendTimeout;
  private final boolean nodeScoped;
  /** The Vert.x instance this operation's codecs were last registered on. */
  private volatile Vertx codecsRegisteredOn;

  private BusOperation(String address, Class<Q> requestType, Class<R> replyType, Duration sendTimeout,
      boolean nodeScoped) {
    this.address = Objects.requireNonNull(address, "address");
    this.requestType = Objects.requireNonNull(requestType, "requestType");
    this.replyType = Objects.requireNonNull(replyType, "replyType");
    this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
    this.nodeScoped = nodeScoped;
  }

  /** An operation with the {@link #DEFAULT_SEND_TIMEOUT}. */
  public static <Q extends BusMessage, R extends BusMessage> BusOperation<Q, R> of(String address,
      Class<Q> requestType, Class<R> replyType) {
    return new BusOperation<>(address, requestType, replyType, DEFAULT_SEND_TIMEOUT, false);
  }

  /** This operation with another send timeout. */
  public BusOperation<Q, R> withSendTimeout(Duration timeout) {
    return new BusOperation<>(address, requestType, replyType, timeout, nodeScoped);
  }

  /**
   * This operation as served by one node of a cluster (cluster mode, issue 14): its own address, the same types.
   * Unlike an operation's public address, which each node serves for its own senders only, a node-scoped operation
   * is served cluster-wide, so that the other nodes can forward requests to the node that holds their target.
   */
  public BusOperation<Q, R> onNode(String nodeId) {
    if (nodeScoped) {
      throw new IllegalStateException(address + " is already scoped to a node");
    }
    return new BusOperation<>(address + ".node." + Objects.requireNonNull(nodeId, "nodeId"), requestType, replyType,
        sendTimeout, true);
  }

  /** Whether this is a node's own operation ({@link #onNode}), reachable from every node of the cluster. */
  public boolean nodeScoped() {
    return nodeScoped;
  }

  public String address() {
    return address;
  }

  public Class<Q> requestType() {
    return requestType;
  }

  public Class<R> replyType() {
    return replyType;
  }

  /**
   * How long a sender waits for the reply when it names no timeout of its own. HTTP routes send with the configured
   * {@code bus.timeout.ms} instead (their {@code Bus}), long polls with that plus the longest wait they allow.
   */
  public Duration sendTimeout() {
    return sendTimeout;
  }

  /** Sends {@code request} and answers with the reply; failures arrive as {@code TributaryException}s. */
  public Future<R> call(Vertx vertx, Q request) {
    return call(vertx, request, sendTimeout.toMillis());
  }

  /** As {@link #call(Vertx, BusMessage)} with a timeout of the caller's. */
  public Future<R> call(Vertx vertx, Q request, long timeoutMs) {
    registerCodecs(vertx);
    return vertx.eventBus().request(address, requestType.cast(request), new DeliveryOptions().setSendTimeout(timeoutMs))
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture(replyType.cast(ar.result().body()))
            : Future.failedFuture(BusFailures.fromReply(ar.cause())));
  }

  /**
   * As {@link #call(Vertx, BusMessage, long)}, but a failure arrives as the bus's own {@code ReplyException}, for a
   * caller that acts on its kind (no handler anywhere, a timeout, the recipient's failure) before translating it
   * with {@link BusFailures#fromReply}.
   */
  public Future<R> callUntranslated(Vertx vertx, Q request, long timeoutMs) {
    registerCodecs(vertx);
    return vertx.eventBus().request(address, requestType.cast(request), new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> replyType.cast(reply.body()));
  }

  private void registerCodecs(Vertx vertx) {
    if (codecsRegisteredOn != vertx) {
      // Once per Vert.x instance (the shared map makes a repeat harmless): not a map lookup on every request.
      BusWireCodec.register(vertx, this);
      codecsRegisteredOn = vertx;
    }
  }

  /** Serves this operation with {@code handler}: see {@link BusEndpoints#serve}. Failures keep their code. */
  public MessageConsumer<Q> serve(Vertx vertx, Function<? super Q, ? extends Future<? extends R>> handler) {
    return BusEndpoints.serve(vertx, this, handler, Function.identity());
  }

  /** As {@link #serve(Vertx, Function)}; a failure first goes through {@code translate}. */
  public MessageConsumer<Q> serve(Vertx vertx, Function<? super Q, ? extends Future<? extends R>> handler,
      Function<Throwable, ? extends Throwable> translate) {
    return BusEndpoints.serve(vertx, this, handler, translate);
  }

  /** The operations a holder class (such as {@link AdminOps}) declares as public static constants. */
  public static List<BusOperation<?, ?>> declaredIn(Class<?> holder) {
    List<BusOperation<?, ?>> found = new ArrayList<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == BusOperation.class) {
        try {
          found.add((BusOperation<?, ?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(found);
  }

  @Override
  public String toString() {
    return address + " (" + requestType.getSimpleName() + " -> " + replyType.getSimpleName() + ")";
  }
}
