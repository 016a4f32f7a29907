package io.tributary.testkit;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Plays the engines for component tests of the routes: each bus operation the test names is answered with a canned
 * reply (or a canned failure), and every request body the routes sent is kept, so a test can check what reached
 * the engine and that a rejected request sent nothing. Operations the test did not name have no consumer, so a
 * route that calls one gets the bus's "no handler" (503), as with an engine that is not running.
 */
public final class FakeEngine implements AutoCloseable {
  private final Vertx vertx;
  private final Map<String, List<Object>> requests = new ConcurrentHashMap<>();
  private final Map<String, Function<Object, Object>> answers = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers = new CopyOnWriteArrayList<>();

  public FakeEngine(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Answers {@code operation} with {@code reply} every time. */
  public <Q extends BusMessage, R extends BusMessage> FakeEngine reply(BusOperation<Q, R> operation, R reply) {
    return answer(operation, request -> reply);
  }

  /** Fails {@code operation} with {@code failure} (its error code crosses the bus) every time. */
  public <Q extends BusMessage, R extends BusMessage> FakeEngine fail(BusOperation<Q, R> operation,
      TributaryException failure) {
    return answer(operation, request -> {
      throw failure;
    });
  }

  /**
   * Answers {@code operation} with whatever {@code reply} makes of the request (a thrown failure fails it); a later
   * call for the same operation replaces the answer.
   */
  public <Q extends BusMessage, R extends BusMessage> FakeEngine answer(BusOperation<Q, R> operation,
      Function<? super Q, ? extends R> reply) {
    String address = operation.address();
    boolean first = answers.put(address, request -> reply.apply(operation.requestType().cast(request))) == null;
    if (first) {
      consumers.add(operation.serve(vertx, request -> {
        requests.computeIfAbsent(address, k -> new CopyOnWriteArrayList<>()).add(request);
        return Future.succeededFuture(operation.replyType().cast(answers.get(address).apply(request)));
      }));
    }
    return this;
  }

  /** Every request sent to {@code operation}, in order of arrival. */
  public <Q extends BusMessage> List<Q> requests(BusOperation<Q, ?> operation) {
    return requests.getOrDefault(operation.address(), List.of()).stream()
        .map(operation.requestType()::cast).toList();
  }

  /** The only request sent to {@code operation}, as the record type the operation takes. */
  public <Q extends BusMessage> Q onlyRequest(BusOperation<Q, ?> operation, Class<? extends Q> type) {
    List<Q> sent = requests(operation);
    if (sent.size() != 1) {
      throw new AssertionError("expected one request to " + operation.address() + " but got " + sent);
    }
    return type.cast(sent.get(0));
  }

  /** Every request, to any operation: empty when nothing reached the engines. */
  public Map<String, List<Object>> allRequests() {
    return Map.copyOf(requests);
  }

  @Override
  public void close() {
    consumers.forEach(MessageConsumer::unregister);
  }
}
