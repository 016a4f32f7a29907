package io.tributary.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.kafka.KafkaErrors;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer engine: REST consumer instances for v1 and v2 (create, subscribe or assign, seek, read, requeue,
 * commit, committed offsets, delete, idle expiry), and v1's simple partition reads. Bookkeeping runs on this verticle's context; Kafka calls run on
 * the {@code consumer.threads} pool, each instance one operation at a time.
 */
public final class ConsumerEngineVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerEngineVerticle.class);

  private final TributaryConfig config;
  private ExecutorService instancePool;
  private ExecutorService simplePool;
  private InstanceRegistry registry;
  private Housekeeping housekeeping;
  private SimpleFetcher simpleFetcher;

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
    ReadRendering rendering = new ReadRendering(context, instancePool,
        EngineBusConverter.over(vertx, config.get(ConfigKeys.BUS_TIMEOUT_MS)));
    ConsumerOperations operations = new ConsumerOperations(vertx, context, config, settings, registry,
        instancePool, new InstanceClientMetrics(meterRegistry), rendering);
    SimpleConsumerPool slots = new SimpleConsumerPool(vertx, settings.simplePoolMax(),
        settings.simplePoolTimeoutMs());
    simpleFetcher = new SimpleFetcher(context, simplePool, slots,
        () -> new KafkaConsumer<>(ConsumerProps.forSimpleReads(config, settings.serverId())), settings);

    InstanceRegistry instances = registry;
    // The gauge reads the instance count from the scrape's thread: a possibly stale size, never a wrong one.
    ConsumerMeters meters = new ConsumerMeters(meterRegistry, instances::size);
    on(ConsumerOps.CREATE, r -> operations.create(r).onSuccess(c -> meters.created()));
    on(ConsumerOps.READ, RecordTraceLinks.linked(r -> {
      long startNanos = System.nanoTime();
      return operations.read(r).onSuccess(result -> meters.read(result.records().size(), startNanos));
    }, RenderedRead::records));
    on(ConsumerOps.REQUEUE, operations::requeue);
    on(ConsumerOps.COMMIT, operations::commit);
    on(ConsumerOps.DELETE, r -> operations.delete(r).onSuccess(a -> meters.deleted()));
    on(ConsumerOps.FETCH_PARTITION, RecordTraceLinks.linked(simpleFetcher::fetch, ReadResult::records));
    on(ConsumerOps.SUBSCRIBE, operations::subscribe);
    on(ConsumerOps.SUBSCRIPTION, operations::subscription);
    on(ConsumerOps.UNSUBSCRIBE, operations::unsubscribe);
    on(ConsumerOps.ASSIGN, operations::assign);
    on(ConsumerOps.ASSIGNMENT, operations::assignment);
    on(ConsumerOps.SEEK, operations::seek);
    on(ConsumerOps.SEEK_EDGE, operations::seekToEdge);
    on(ConsumerOps.COMMITTED, operations::committed);

    housekeeping = new Housekeeping(vertx, registry, settings.instanceTimeoutMs(), meters::expired);
    housekeeping.start();
    return Future.succeededFuture();
  }

  /** Graceful shutdown: every instance leaves its group and every client is closed before the pools stop. */
  @Override
  public Future<?> stop() {
    housekeeping.stop();
    List<Future<?>> closing = new ArrayList<>();
    registry.removeAll().forEach(instance -> closing.add(instance.close()));
    closing.add(simpleFetcher.close());
    return Future.join(closing).transform(ignored -> {
      instancePool.shutdown();
      simplePool.shutdown();
      return Future.succeededFuture();
    });
  }

  private <Q extends BusMessage, R extends BusMessage> void on(BusOperation<Q, R> operation,
      Function<Q, Future<R>> handler) {
    operation.serve(vertx, handler, error -> toTributary(operation.address(), error));
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
