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
  /** The Vert.x instance this operation's codecs were last registered on. */
  private volatile Vertx codecsRegisteredOn;

  private BusOperation(String address, Class<Q> requestType, Class<R> replyType, Duration sendTimeout) {
    this.address = Objects.requireNonNull(address, "address");
    this.requestType = Objects.requireNonNull(requestType, "requestType");
    this.replyType = Objects.requireNonNull(replyType, "replyType");
    this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
  }

  /** An operation with the {@link #DEFAULT_SEND_TIMEOUT}. */
  public static <Q extends BusMessage, R extends BusMessage> BusOperation<Q, R> of(String address,
      Class<Q> requestType, Class<R> replyType) {
    return new BusOperation<>(address, requestType, replyType, DEFAULT_SEND_TIMEOUT);
  }

  /** This operation with another send timeout. */
  public BusOperation<Q, R> withSendTimeout(Duration timeout) {
    return new BusOperation<>(address, requestType, replyType, timeout);
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
    if (codecsRegisteredOn != vertx) {
      // Once per Vert.x instance (the shared map makes a repeat harmless): not a map lookup on every request.
      BusWireCodec.register(vertx, this);
      codecsRegisteredOn = vertx;
    }
    return vertx.eventBus().request(address, requestType.cast(request), new DeliveryOptions().setSendTimeout(timeoutMs))
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture(replyType.cast(ar.result().body()))
            : Future.failedFuture(BusFailures.fromReply(ar.cause())));
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
