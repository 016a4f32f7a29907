package io.tributary.testkit;

import io.tributary.core.bus.BusEndpoints;
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
  public FakeEngine reply(String operation, Object reply) {
    return answer(operation, request -> reply);
  }

  /** Fails {@code operation} with {@code failure} (its error code crosses the bus) every time. */
  public FakeEngine fail(String operation, TributaryException failure) {
    return answer(operation, request -> {
      throw failure;
    });
  }

  /**
   * Answers {@code operation} with whatever {@code reply} makes of the request (a thrown failure fails it); a later
   * call for the same operation replaces the answer.
   */
  public FakeEngine answer(String operation, Function<Object, Object> reply) {
    if (answers.put(operation, reply) == null) {
      serve(operation, request -> {
        requests.computeIfAbsent(operation, k -> new CopyOnWriteArrayList<>()).add(request);
        return Future.succeededFuture(answers.get(operation).apply(request));
      });
    }
    return this;
  }

  /** Every request body sent to {@code operation}, in order of arrival. */
  public List<Object> requests(String operation) {
    return new ArrayList<>(requests.getOrDefault(operation, List.of()));
  }

  /** The only request sent to {@code operation}, as the record type the operation takes. */
  public <T> T onlyRequest(String operation, Class<T> type) {
    List<Object> sent = requests(operation);
    if (sent.size() != 1) {
      throw new AssertionError("expected one request to " + operation + " but got " + sent);
    }
    return type.cast(sent.get(0));
  }

  /** Every request, to any operation: empty when nothing reached the engines. */
  public Map<String, List<Object>> allRequests() {
    return Map.copyOf(requests);
  }

  /**
   * The one place that knows how an engine serves an operation on the bus (today a string address and
   * {@link BusEndpoints#serve}); when operations become typed constants, only this method changes.
   */
  private void serve(String operation, Function<Object, Future<?>> handler) {
    consumers.add(BusEndpoints.serve(vertx, operation, handler, error -> error));
  }

  @Override
  public void close() {
    consumers.forEach(MessageConsumer::unregister);
  }
}
