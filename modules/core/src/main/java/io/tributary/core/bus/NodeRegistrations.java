package io.tributary.core.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This node's node-scoped registrations ({@link BusOperation#onNode}), kept with their handlers and contexts so that
 * {@link BusEndpoints#reannounce} can register them again. One list per Vert.x instance, kept in its local shared
 * data so that it goes with it; a registration whose verticle was undeployed is dropped at the next renewal.
 */
final class NodeRegistrations implements Shareable {
  private static final String KEY = "tributary.bus.node-registrations";

  private final List<Entry<?>> entries = new CopyOnWriteArrayList<>();

  static NodeRegistrations of(Vertx vertx) {
    LocalMap<String, NodeRegistrations> map = vertx.sharedData().getLocalMap(KEY);
    NodeRegistrations fresh = new NodeRegistrations();
    NodeRegistrations existing = map.putIfAbsent(KEY, fresh);
    return existing == null ? fresh : existing;
  }

  /** Remembers a registration made on the calling thread's context (its verticle's, for an engine). */
  <Q> void add(Vertx vertx, String address, Handler<Message<Q>> handler, MessageConsumer<Q> consumer) {
    entries.add(new Entry<>(vertx.getOrCreateContext(), address, handler, new AtomicReference<>(consumer)));
  }

  /** Registers each address anew, then ends its previous registration; completes with how many were renewed. */
  Future<Integer> renewAll(Vertx vertx) {
    List<Future<Void>> renewed = new ArrayList<>();
    for (Entry<?> entry : entries) {
      if (entry.current().get().isRegistered()) {
        renewed.add(entry.renew(vertx));
      } else {
        entries.remove(entry);
      }
    }
    return Future.all(renewed).map(ignored -> renewed.size());
  }

  private record Entry<Q>(Context context, String address, Handler<Message<Q>> handler,
      AtomicReference<MessageConsumer<Q>> current) {
    Future<Void> renew(Vertx vertx) {
      Promise<Void> done = Promise.promise();
      // On the registration's own context: the new consumer belongs to the same deployment and ends with it.
      context.runOnContext(ignored -> {
        MessageConsumer<Q> fresh = BusEndpoints.register(vertx, address, true, handler);
        fresh.completion().onComplete(registered -> {
          if (registered.failed()) {
            done.fail(registered.cause());
            return;
          }
          current.getAndSet(fresh).unregister().onComplete(ended -> done.complete());
        });
      });
      return done.future();
    }
  }
}
