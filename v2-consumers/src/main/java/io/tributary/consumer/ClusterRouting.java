package io.tributary.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's consumer instances: any node answers any instance. A request for an instance this node holds is
 * served here with no look-up; otherwise the instance directory says where it lives, and the request is forwarded to
 * that node ({@link Forwarding}), or, when that node is gone, the instance is re-created here from its definition
 * and served ({@link InstanceRoute}). Creates, deletes, expiries and subscription changes keep the directory current.
 * Runs on the engine's context.
 */
final class ClusterRouting {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRouting.class);

  private final ClusterNodes nodes;
  private final InstanceDirectory directory;
  private final InstanceRegistry registry;
  private final ConsumerOperations operations;
  private final Forwarding forwarding;
  private final ConsumerSettings settings;
  private final long busTimeoutMs;
  private final Counter recreated;
  private final StaticMemberRemoval memberRemoval;
  /** Re-creations in progress here: true once the instance is held here, false when another node took it. */
  private final Map<ConsumerRef, Future<Boolean>> arriving = new HashMap<>();
  /** Instances whose directory entry is being removed here (deleted, expired): gone already for requests. */
  private final Set<ConsumerRef> leaving = new HashSet<>();
  /** Instances held here and listed for this node, with when their entry was last touched (System.nanoTime). */
  private final Map<ConsumerRef, Long> listed = new HashMap<>();
  /** Where instances held elsewhere were last found: forwards skip the directory while their owner answers. */
  private final KnownOwners knownOwners = new KnownOwners();

  ClusterRouting(ClusterNodes nodes, InstanceDirectory directory, InstanceRegistry registry,
      ConsumerOperations operations, Forwarding forwarding, ConsumerSettings settings, long busTimeoutMs,
      MeterRegistry meters, StaticMemberRemoval memberRemoval) {
    this.memberRemoval = memberRemoval;
    this.nodes = nodes;
    this.directory = directory;
    this.registry = registry;
    this.operations = operations;
    this.forwarding = forwarding;
    this.settings = settings;
    this.busTimeoutMs = busTimeoutMs;
    this.recreated = Counter.builder("tributary.consumer.recreated")
        .description("Consumer instances re-created on this node after their node left the cluster")
        .register(meters);
  }

  String self() {
    return nodes.localNodeId();
  }

  /** Creates the instance here and lists it; 40902 when its principal has one of that name on any node. */
  Future<ConsumerCreated> create(CreateConsumer request) {
    CreateConsumer named = operations.named(request);
    ConsumerRef ref = InstanceDefinition.refOf(named);
    // Opened and listed at once; whichever fails undoes the other.
    Future<ConsumerInstance> opened = operations.open(named);
    Future<Boolean> registered = directory.register(InstanceDefinition.created(named, self(), nowMs()));
    return Future.join(opened, registered).transform(ignored -> {
      if (registered.failed() || !registered.result()) {
        if (opened.succeeded()) {
          operations.discard(opened.result());
        }
        return Future.failedFuture(registered.failed() ? registered.cause()
            : ErrorCode.CONSUMER_ALREADY_EXISTS.toException());
      }
      if (opened.failed()) {
        return directory.removeOwned(ref, self()).transform(removed -> Future.failedFuture(opened.cause()));
      }
      listed.put(ref, System.nanoTime());
      return Future.succeededFuture(new ConsumerCreated(named.name()));
    });
  }

  /** How a request reaches the node that holds its instance; failures arrive untranslated (see {@link Forwarding}). */
  @FunctionalInterface
  interface Remote<Q, R> {
    Future<R> call(String owner, Q request, long timeoutMs);
  }

  /** A forward as {@code operation}, to the owner's node-scoped address of it. */
  <Q extends BusMessage, R extends BusMessage> Remote<Q, R> forwardedAs(BusOperation<Q, R> operation) {
    return (owner, request, timeoutMs) -> forwarding.forward(operation, owner, request, timeoutMs);
  }

  /**
   * The handler of an instance operation's address on this node: {@code local} when the instance is held here,
   * else a forward to its node through {@code remote} or a take-over.
   *
   * @param mayForward false for the node-scoped address, which other nodes forwarded to already (no second hop)
   */
  <Q extends BusMessage, R extends BusMessage> Function<Q, Future<R>> routed(Function<Q, ConsumerRef> refOf,
      Function<Q, Future<R>> local, Remote<Q, R> remote, boolean mayForward) {
    return request -> route(request, refOf.apply(request), local, remote, mayForward, 2);
  }

  private <Q extends BusMessage, R extends BusMessage> Future<R> route(Q request, ConsumerRef ref,
      Function<Q, Future<R>> local, Remote<Q, R> remote, boolean mayForward, int attempts) {
    return route(request, ref, local, remote, mayForward, attempts, true);
  }

  /** @param mayUseKnown false once a forward to the known owner failed: this time the directory decides */
  private <Q extends BusMessage, R extends BusMessage> Future<R> route(Q request, ConsumerRef ref,
      Function<Q, Future<R>> local, Remote<Q, R> remote, boolean mayForward, int attempts, boolean mayUseKnown) {
    if (registry.find(ref) != null) {
      return local.apply(request);
    }
    if (leaving.contains(ref)) {
      return Future.failedFuture(ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException());
    }
    Future<Boolean> pending = arriving.get(ref);
    if (pending != null) {
      return afterArrival(pending, request, ref, local, remote, mayForward, attempts);
    }
    InstanceDefinition known = mayForward && mayUseKnown ? knownOwners.get(ref) : null;
    if (known != null && !known.owner().equals(self()) && nodes.isMember(known.owner())) {
      return forwardToKnownOwner(request, known, local, remote, attempts);
    }
    return directory.find(ref).compose(entry -> {
      // The instance may have arrived here while the directory answered.
      if (registry.find(ref) != null) {
        return local.apply(request);
      }
      Future<Boolean> arrival = arriving.get(ref);
      if (arrival != null) {
        return afterArrival(arrival, request, ref, local, remote, mayForward, attempts);
      }
      InstanceRoute route = InstanceRoute.of(false, entry == null ? null : entry.definition(), self(),
          nodes::isMember);
      switch (route) {
        case NOT_FOUND:
          return Future.failedFuture(ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException());
        case FORWARD:
          if (!mayForward) {
            // Another node forwarded this on an older view of the directory: its client retries.
            return Future.failedFuture(ErrorCode.SERVICE_UNAVAILABLE.toException(
                "The consumer instance moved to another node during the request; retry it."));
          }
          String owner = entry.definition().owner();
          knownOwners.put(entry.definition());
          return remote.call(owner, request, forwardTimeoutMs(request, entry.definition()))
              .recover(error -> {
                if (attempts > 1 && BusFailures.reachedNoHandler(error)) {
                  // The owner serves no consumer operations any more: its engine stopped and closed its instances
                  // (the node is shutting down). Nothing reached it, so the request is safe to serve here.
                  LOG.info("Node {} no longer serves consumer instances; taking over {}/{}", owner, ref.group(),
                      ref.instance());
                  return takeOver(entry).compose(held -> held ? local.apply(request)
                      : route(request, ref, local, remote, mayForward, attempts - 1));
                }
                return Future.failedFuture(BusFailures.fromReply(error));
              });
        default:
          return takeOver(entry).compose(held -> held ? local.apply(request)
              : route(request, ref, local, remote, mayForward, attempts - 1));
      }
    });
  }

  /**
   * A forward to where the instance was last found, without asking the directory. The owner serves it only if it
   * holds the instance; otherwise it answers from the directory itself: 40403 when the instance is not listed, a
   * take-over when its listed node is gone, a 503 ("moved, retry") when another node holds it, as it never forwards
   * twice. Any failure forgets the entry. A 40403 and a node that no longer serves consumer operations mean nothing
   * was done there, so the request is routed again through the directory, which decides between 40403, another
   * owner and a take-over as for any request; other failures (a 503 included: it may come from work that was done)
   * are the answer, and the client's retry goes through the directory.
   */
  private <Q extends BusMessage, R extends BusMessage> Future<R> forwardToKnownOwner(Q request,
      InstanceDefinition known, Function<Q, Future<R>> local, Remote<Q, R> remote, int attempts) {
    ConsumerRef ref = known.ref();
    return remote.call(known.owner(), request, forwardTimeoutMs(request, known))
        .recover(error -> {
          if (knownOwners.get(ref) == known) {
            knownOwners.forget(ref);
          }
          if (BusFailures.reachedNoHandler(error) || notDoneThere(error)) {
            return route(request, ref, local, remote, true, attempts, false);
          }
          return Future.failedFuture(BusFailures.fromReply(error));
        });
  }

  /** The owner neither holds the instance nor finds it listed: nothing was done there. */
  private static boolean notDoneThere(Throwable error) {
    return BusFailures.fromReply(error).code() == ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.code();
  }

  private <Q extends BusMessage, R extends BusMessage> Future<R> afterArrival(Future<Boolean> arrival, Q request,
      ConsumerRef ref, Function<Q, Future<R>> local, Remote<Q, R> remote, boolean mayForward, int attempts) {
    return arrival.compose(held -> {
      if (held) {
        return local.apply(request);
      }
      if (attempts <= 1) {
        return Future.failedFuture(ErrorCode.SERVICE_UNAVAILABLE.toException(
            "The consumer instance moved to another node during the request; retry it."));
      }
      return route(request, ref, local, remote, mayForward, attempts - 1);
    });
  }

  /**
   * Claims an orphan's entry for this node (compare-and-set: of two nodes racing, one re-creates it) and re-creates
   * the instance here; true once it is held here, false when another node claimed it first or it was deleted.
   */
  private Future<Boolean> takeOver(InstanceDirectory.Entry entry) {
    ConsumerRef ref = entry.definition().ref();
    Future<Boolean> pending = arriving.get(ref);
    if (pending != null) {
      return pending;
    }
    Promise<Boolean> arrival = Promise.promise();
    arriving.put(ref, arrival.future());
    knownOwners.forget(ref);
    String previousOwner = entry.definition().owner();
    InstanceDefinition mine = entry.definition().withOwner(self(), nowMs());
    directory.replace(entry, mine).compose(claimed -> {
      if (claimed == null) {
        return Future.succeededFuture(false);
      }
      return operations.recreate(mine).transform(ar -> {
        if (ar.succeeded()) {
          recreated.increment();
          listed.put(ref, System.nanoTime());
          LOG.info("Consumer instance {}/{} re-created on this node ({}); it resumes from the committed offsets",
              ref.group(), ref.instance(), previousOwner.equals(self()) ? "listed here, held nowhere"
                  : "node " + previousOwner + " is gone or stopped serving it");
          return Future.succeededFuture(true);
        }
        // Put back as it was found: an orphan that another node may re-create, or that expires.
        return directory.replace(claimed, entry.definition()).transform(ignored -> Future.failedFuture(ar.cause()));
      });
    }).onComplete(ar -> {
      arriving.remove(ref);
      arrival.handle(ar);
    });
    return arrival.future();
  }

  /** The operation's handler, followed by recording its change of subscription or assignment in the directory. */
  <Q extends BusMessage, R extends BusMessage> Function<Q, Future<R>> recording(Function<Q, ConsumerRef> refOf,
      Function<Q, Future<R>> local, BiFunction<Q, InstanceDefinition, InstanceDefinition> change) {
    return request -> call(local, request).compose(reply -> {
      ConsumerRef ref = refOf.apply(request);
      return directory.update(ref, self(), d -> change.apply(request, d).touched(nowMs())).map(updated -> {
        if (updated == null) {
          LOG.warn("Consumer instance {}/{}: the directory does not list it for this node; its change was not "
              + "recorded", ref.group(), ref.instance());
        }
        return reply;
      });
    });
  }

  /** A delete here, followed by the removal of the instance's entry. */
  <Q extends BusMessage, R extends BusMessage> Function<Q, Future<R>> deleting(Function<Q, ConsumerRef> refOf,
      Function<Q, Future<R>> local) {
    return request -> {
      ConsumerRef ref = refOf.apply(request);
      Future<R> deleted = call(local, request);
      if (deleted.failed()) {
        return deleted;
      }
      listed.remove(ref);
      leaving.add(ref);
      // The closed consumer, a static member, stays in its group until removed (not awaited: the answer is due).
      deleted.onSuccess(reply -> memberRemoval.remove(ref));
      return deleted.compose(reply -> directory.removeOwned(ref, self()).map(reply))
          .andThen(ignored -> leaving.remove(ref));
    };
  }

  /** An instance of this node expired: its entry goes too. */
  void expired(ConsumerRef ref) {
    listed.remove(ref);
    leaving.add(ref);
    memberRemoval.remove(ref);
    directory.removeOwned(ref, self()).onComplete(ignored -> leaving.remove(ref));
  }

  /** A node left the cluster (called on any thread by the cluster manager; the caller hops to the context). */
  void nodeLeft(String node) {
    knownOwners.nodeLeft(node);
    forwarding.nodeLeft(node);
  }

  /**
   * The directory names another owner for an instance held here (after a network split healed, the entry Hazelcast
   * kept wins) or no longer lists it: this node's copy is closed, so an instance never has two live Kafka consumers.
   */
  void closeLocalCopy(ConsumerRef ref, String listedOwner) {
    ConsumerInstance instance = registry.find(ref);
    if (instance == null || arriving.containsKey(ref)) {
      return;
    }
    LOG.warn("Consumer instance {}/{} is listed for {} in the cluster's directory: closing this node's copy",
        ref.group(), ref.instance(), listedOwner == null ? "no node" : "node " + listedOwner);
    listed.remove(ref);
    operations.handOver(instance);
  }

  /** Instances held and listed here, with when their entry was last touched; the upkeep updates it. */
  Map<ConsumerRef, Long> listed() {
    return listed;
  }

  boolean isArriving(ConsumerRef ref) {
    return arriving.containsKey(ref);
  }

  /** How long a forward may take: a read waits up to its long poll on the owner, then the bus timeout. */
  private long forwardTimeoutMs(Object request, InstanceDefinition definition) {
    if (request instanceof ReadRecords read) {
      Integer configured = definition.create().requestTimeoutMs();
      long instanceWait = configured == null ? settings.requestTimeoutMs() : configured;
      long wait = read.timeoutMs() != null && read.timeoutMs() > 0 ? Math.min(read.timeoutMs(), instanceWait)
          : instanceWait;
      return busTimeoutMs + wait;
    }
    return busTimeoutMs;
  }

  private static <Q, R> Future<R> call(Function<Q, Future<R>> handler, Q request) {
    try {
      return handler.apply(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static long nowMs() {
    return System.currentTimeMillis();
  }
}
