package io.tributary.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.bus.Ack;
import io.tributary.core.consumer.Assign;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.ConfirmDelivery;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.ForwardedRead;
import io.tributary.core.consumer.GetAssignment;
import io.tributary.core.consumer.GetCommittedOffsets;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.consumer.Seek;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Unsubscribe;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.kafka.KafkaErrors;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer engine: REST consumer instances for v1 and v2 (create, subscribe or assign, seek, read, requeue,
 * commit, committed offsets, delete, idle expiry), and v1's simple partition reads. Bookkeeping runs on this verticle's context; Kafka calls run on
 * the {@code consumer.threads} pool, each instance one operation at a time. In cluster mode any node's engine answers
 * any instance ({@link ClusterRouting}; docs/architecture.md, "Consumer instances in a cluster").
 */
public final class ConsumerEngineVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerEngineVerticle.class);
  /** How much longer than the bus timeout a forwarded read's records wait for their confirmation. */
  private static final long CONFIRM_MARGIN_MS = 5_000;

  private final TributaryConfig config;
  private ExecutorService instancePool;
  private ExecutorService simplePool;
  private InstanceRegistry registry;
  private Housekeeping housekeeping;
  private SimpleFetcher simpleFetcher;
  /** Cluster mode only; null for a node running alone, which serves exactly as before cluster mode existed. */
  private ClusterRouting routing;
  private DirectoryUpkeep upkeep;
  private StaticMemberRemoval memberRemoval;
  private final List<Future<Void>> clusterRegistrations = new ArrayList<>();
  private UnconfirmedDeliveries deliveries;
  private long busTimeoutMs;

  private final MeterRegistry meterRegistry;
  private final ClusterNodes nodes;

  public ConsumerEngineVerticle(TributaryConfig config) {
    this(config, new CompositeMeterRegistry());
  }

  /** @param meterRegistry where the consumer meters go ({@link ConsumerMeters}) */
  public ConsumerEngineVerticle(TributaryConfig config, MeterRegistry meterRegistry) {
    this(config, meterRegistry, ClusterNodes.alone());
  }

  /**
   * @param meterRegistry where the consumer meters go ({@link ConsumerMeters})
   * @param nodes the nodes that form this proxy ({@link ClusterNodes#alone} for a node running alone)
   */
  public ConsumerEngineVerticle(TributaryConfig config, MeterRegistry meterRegistry, ClusterNodes nodes) {
    this.config = config;
    this.meterRegistry = meterRegistry;
    this.nodes = nodes;
  }

  @Override
  public Future<?> start() {
    ConsumerSettings settings = ConsumerSettings.from(config);
    instancePool = Pools.fixed("tributary-consumer", settings.threads());
    // Simple reads hold a thread while they fetch; their own pool, sized like the consumer pool, keeps them
    // from starving instance operations.
    simplePool = Pools.fixed("tributary-simple-read", settings.simplePoolMax());
    registry = new InstanceRegistry(settings.instancesMax());
    busTimeoutMs = config.get(ConfigKeys.BUS_TIMEOUT_MS);
    ReadRendering rendering = new ReadRendering(context, instancePool,
        EngineBusConverter.over(vertx, busTimeoutMs));
    ConsumerOperations operations = new ConsumerOperations(vertx, context, config, settings, registry,
        instancePool, new InstanceClientMetrics(meterRegistry), rendering, nodes.clustered());
    SimpleConsumerPool slots = new SimpleConsumerPool(vertx, settings.simplePoolMax(),
        settings.simplePoolTimeoutMs());
    simpleFetcher = new SimpleFetcher(context, simplePool, slots,
        () -> new KafkaConsumer<>(ConsumerProps.forSimpleReads(config, settings.serverId())), settings);

    InstanceRegistry instances = registry;
    // The gauge reads the instance count from the scrape's thread: a possibly stale size, never a wrong one.
    ConsumerMeters meters = new ConsumerMeters(meterRegistry, instances::size);
    // A forwarding node waits up to the bus timeout for a reply once the owner's read is done.
    deliveries = new UnconfirmedDeliveries(vertx, busTimeoutMs + CONFIRM_MARGIN_MS, nodes::isMember,
        operations::requeue, meterRegistry);
    on(ConsumerOps.FETCH_PARTITION, RecordTraceLinks.linked(simpleFetcher::fetch, ReadResult::records));
    if (!nodes.clustered()) {
      serveInstances(operations, meters);
      housekeeping = new Housekeeping(vertx, registry, settings.instanceTimeoutMs(), ref -> meters.expired());
      housekeeping.start();
      return Future.succeededFuture();
    }
    return InstanceDirectory.open(vertx).compose(directory -> {
      memberRemoval = new StaticMemberRemoval(config, context, instancePool);
      routing = new ClusterRouting(nodes, directory, registry, operations, new Forwarding(vertx, meterRegistry),
          settings, busTimeoutMs, meterRegistry, memberRemoval);
      nodes.onNodeLeft(node -> context.runOnContext(ignored -> {
        routing.nodeLeft(node);
        deliveries.originLeft(node);
      }));
      serveInstances(operations, meters);
      housekeeping = new Housekeeping(vertx, registry, settings.instanceTimeoutMs(), ref -> {
        meters.expired();
        routing.expired(ref);
      });
      housekeeping.start();
      upkeep = new DirectoryUpkeep(vertx, nodes, directory, registry, routing, settings.instanceTimeoutMs(),
          ref -> meters.expired());
      upkeep.start();
      return Future.all(clusterRegistrations);
    });
  }

  /**
   * The instance operations. Alone, each is served directly; in cluster mode each is served on this node's public
   * address through {@link ClusterRouting} (held here, forwarded, or taken over) and on its node-scoped address for
   * the other nodes' forwards, and the directory follows creates, deletes and subscription changes.
   */
  private void serveInstances(ConsumerOperations operations, ConsumerMeters meters) {
    if (routing == null) {
      on(ConsumerOps.CREATE, r -> operations.create(r).onSuccess(c -> meters.created()));
    } else {
      on(ConsumerOps.CREATE, r -> routing.create(r).onSuccess(c -> meters.created()));
    }
    instance(ConsumerOps.READ_UNRENDERED, r -> r.read().ref(), RecordTraceLinks.linked(r -> {
      long startNanos = System.nanoTime();
      return operations.readUnrendered(r.read()).map(result -> deliveries.hold(r, result))
          .onSuccess(result -> meters.read(result.records().size(), startNanos));
    }, ReadResult::records));
    servedHereOnly(ConsumerOps.CONFIRM_DELIVERY, confirmation -> {
      deliveries.confirmed(confirmation);
      return Future.succeededFuture(Ack.INSTANCE);
    });
    instance(ConsumerOps.READ, ReadRecords::ref, RecordTraceLinks.linked(r -> {
      long startNanos = System.nanoTime();
      return operations.read(r).onSuccess(result -> meters.read(result.records().size(), startNanos));
    }, RenderedRead::records), routing == null ? null : renderedHere(operations));
    instance(ConsumerOps.REQUEUE, RequeueRecords::ref, operations::requeue);
    instance(ConsumerOps.COMMIT, CommitOffsets::ref, operations::commit);
    Function<DeleteConsumer, Future<Ack>> delete = r -> operations.delete(r).onSuccess(a -> meters.deleted());
    instance(ConsumerOps.DELETE, DeleteConsumer::ref,
        routing == null ? delete : routing.deleting(DeleteConsumer::ref, delete));
    instance(ConsumerOps.SUBSCRIBE, Subscribe::ref, recorded(Subscribe::ref, operations::subscribe,
        (r, d) -> d.subscribed(r.topics(), r.topicPattern())));
    instance(ConsumerOps.SUBSCRIPTION, GetSubscription::ref, operations::subscription);
    instance(ConsumerOps.UNSUBSCRIBE, Unsubscribe::ref, recorded(Unsubscribe::ref, operations::unsubscribe,
        (r, d) -> d.unsubscribed()));
    instance(ConsumerOps.ASSIGN, Assign::ref, recorded(Assign::ref, operations::assign,
        (r, d) -> d.assigned(r.partitions())));
    instance(ConsumerOps.ASSIGNMENT, GetAssignment::ref, operations::assignment);
    instance(ConsumerOps.SEEK, Seek::ref, operations::seek);
    instance(ConsumerOps.SEEK_EDGE, SeekToEdge::ref, operations::seekToEdge);
    instance(ConsumerOps.COMMITTED, GetCommittedOffsets::ref, operations::committed);
  }

  private <Q extends BusMessage, R extends BusMessage> void instance(BusOperation<Q, R> operation,
      Function<Q, ConsumerRef> refOf, Function<Q, Future<R>> handler) {
    instance(operation, refOf, handler, routing == null ? null : routing.forwardedAs(operation));
  }

  /**
   * A read of an instance held on another node asks that node for the records only and renders them here: they are
   * fewer bytes on the wire than their JSON answer. Records this node then fails to deliver go back to the instance
   * as from any read ({@link ConsumerOps#REQUEUE}, forwarded to its node).
   */
  private ClusterRouting.Remote<ReadRecords, RenderedRead> renderedHere(ConsumerOperations operations) {
    ClusterRouting.Remote<ForwardedRead, ReadResult> records = routing.forwardedAs(ConsumerOps.READ_UNRENDERED);
    return (owner, request, timeoutMs) -> records.call(owner, new ForwardedRead(request, routing.self()), timeoutMs)
        .compose(result -> {
          if (result.delivery() != 0) {
            // Not awaited: the answer is due. A confirmation that is lost costs a second delivery, never a record.
            ConsumerOps.CONFIRM_DELIVERY.onNode(owner).call(vertx, new ConfirmDelivery(request.ref(),
                result.delivery()), busTimeoutMs);
          }
          return operations.render(request, result.records());
        });
  }

  /**
   * An operation about what this node itself did, not about an instance: served here, and in cluster mode on this
   * node's address for the other nodes, never routed.
   */
  private <Q extends BusMessage, R extends BusMessage> void servedHereOnly(BusOperation<Q, R> operation,
      Function<Q, Future<R>> handler) {
    on(operation, handler);
    if (routing != null) {
      on(operation.onNode(nodes.localNodeId()), handler);
    }
  }

  /** @param remote how a request for an instance held on another node reaches it (cluster mode) */
  private <Q extends BusMessage, R extends BusMessage> void instance(BusOperation<Q, R> operation,
      Function<Q, ConsumerRef> refOf, Function<Q, Future<R>> handler, ClusterRouting.Remote<Q, R> remote) {
    if (routing == null) {
      on(operation, handler);
      return;
    }
    on(operation, routing.routed(refOf, handler, remote, true));
    on(operation.onNode(nodes.localNodeId()), routing.routed(refOf, handler, remote, false));
  }

  /** In cluster mode, a change of subscription or assignment is recorded in the directory before it is answered. */
  private <Q extends BusMessage, R extends BusMessage> Function<Q, Future<R>> recorded(Function<Q, ConsumerRef> refOf,
      Function<Q, Future<R>> handler, BiFunction<Q, InstanceDefinition, InstanceDefinition> change) {
    return routing == null ? handler : routing.recording(refOf, handler, change);
  }

  /** Graceful shutdown: every instance leaves its group and every client is closed before the pools stop. */
  @Override
  public Future<?> stop() {
    if (housekeeping != null) {
      housekeeping.stop();
    }
    if (upkeep != null) {
      upkeep.stop();
    }
    // Instances are closed, not deleted: in cluster mode their entries stay, and another node re-creates them (as the
    // same static group members: nothing is removed from the groups here).
    List<Future<?>> closing = new ArrayList<>();
    registry.removeAll().forEach(instance -> closing.add(routing == null ? instance.close()
        : instance.closeHandingOver()));
    closing.add(simpleFetcher.close());
    return Future.join(closing).transform(ignored -> memberRemoval == null ? Future.succeededFuture()
        : memberRemoval.close()).transform(ignored -> {
      instancePool.shutdown();
      simplePool.shutdown();
      return Future.succeededFuture();
    });
  }

  private <Q extends BusMessage, R extends BusMessage> void on(BusOperation<Q, R> operation,
      Function<Q, Future<R>> handler) {
    MessageConsumer<Q> consumer = operation.serve(vertx, handler, error -> toTributary(operation.address(), error));
    if (operation.nodeScoped()) {
      // Started only once the other nodes can reach this one: a forward that found no handler would take the
      // instance over from this live node.
      clusterRegistrations.add(consumer.completion());
    }
  }

  /** Kafka failures through the one table; anything unexpected is logged here and leaves as a bare 500. */
  private static TributaryException toTributary(String address, Throwable error) {
    TributaryException translated = KafkaErrors.translate(error);
    if (translated.errorCode() == ErrorCode.INTERNAL && !(KafkaErrors.unwrap(error) instanceof TributaryException)) {
      LOG.error("Unexpected failure on {}", address, error);
      return ErrorCode.INTERNAL.toException();
    }
    return translated;
  }
}
