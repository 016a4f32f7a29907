package io.tributary.consumer;

import io.tributary.core.bus.Ack;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.Assign;
import io.tributary.core.consumer.Assignment;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.CommitResult;
import io.tributary.core.consumer.CommittedOffsets;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.GetAssignment;
import io.tributary.core.consumer.GetCommittedOffsets;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.consumer.Seek;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Subscription;
import io.tributary.core.consumer.Unsubscribe;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.kafka.KafkaErrors;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The consumer-instance operations behind the bus addresses. Runs on the engine's context. */
final class ConsumerOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerOperations.class);
  private final Vertx vertx;
  private final Context context;
  private final TributaryConfig config;
  private final ConsumerSettings settings;
  private final InstanceRegistry registry;
  private final Executor pool;
  private final long autoCommitIntervalMs;
  private final InstanceClientMetrics clientMetrics;
  private final ReadRendering rendering;
  /** Cluster mode: instances join their groups as static members ({@link StaticMemberId}); false for a lone node. */
  private final boolean staticMembers;

  ConsumerOperations(Vertx vertx, Context context, TributaryConfig config, ConsumerSettings settings,
      InstanceRegistry registry, Executor pool, InstanceClientMetrics clientMetrics, ReadRendering rendering) {
    this(vertx, context, config, settings, registry, pool, clientMetrics, rendering, false);
  }

  /** @param staticMembers cluster mode: each instance's Kafka consumer is a static group member */
  ConsumerOperations(Vertx vertx, Context context, TributaryConfig config, ConsumerSettings settings,
      InstanceRegistry registry, Executor pool, InstanceClientMetrics clientMetrics, ReadRendering rendering,
      boolean staticMembers) {
    this.staticMembers = staticMembers;
    this.clientMetrics = clientMetrics;
    this.rendering = rendering;
    this.vertx = vertx;
    this.context = context;
    this.config = config;
    this.settings = settings;
    this.registry = registry;
    this.pool = pool;
    this.autoCommitIntervalMs = ConsumerProps.autoCommitIntervalMs(config);
  }

  Future<ConsumerCreated> create(CreateConsumer request) {
    return open(named(request)).map(instance -> new ConsumerCreated(instance.ref().instance()));
  }

  /** The request with its instance name: the client's, or a generated one. */
  CreateConsumer named(CreateConsumer request) {
    if (request.name() != null && !request.name().isBlank()) {
      return request;
    }
    return new CreateConsumer(request.group(), InstanceRegistry.generateName(settings.serverId()),
        request.clientId(), request.format(), request.autoOffsetReset(), request.autoCommit(),
        request.fetchMinBytes(), request.requestTimeoutMs(), request.principal());
  }

  /**
   * Registers the instance a named request defines (40902, 42902 at once, before anything else) and creates its
   * Kafka side; forgotten again when that fails.
   */
  Future<ConsumerInstance> open(CreateConsumer named) {
    InstanceSettings instanceSettings = instanceSettings(named);
    // The creator's principal is part of the instance's identity: nobody else can address it (InstanceRegistry).
    ConsumerRef ref = new ConsumerRef(named.group(), named.name(), named.principal());
    ConsumerInstance instance = new ConsumerInstance(ref, instanceSettings, context, pool);
    registry.add(instance);
    Map<String, Object> props = ConsumerProps.forInstance(config, named,
        staticMembers ? StaticMemberId.of(ref) : null);
    if (staticMembers) {
      instance.onFenced(() -> {
        LOG.warn("Consumer instance {}/{} was taken over by another node (Kafka fenced this copy): closing it here",
            ref.group(), ref.instance());
        handOver(instance);
      });
    }
    return instance.open(() -> clientMetrics.track(new ConfinedConsumer(ref, newKafkaConsumer(props),
        named.autoCommit(), autoCommitIntervalMs))).transform(ar -> {
          if (ar.succeeded()) {
            return Future.succeededFuture(instance);
          }
          registry.forget(instance);
          return Future.failedFuture(ar.cause());
        });
  }

  /**
   * Re-creates an instance from its definition (cluster mode: its node is gone): the Kafka side, then its
   * subscription or assignment. Positions come from the group's committed offsets. Nothing is left behind on failure.
   */
  Future<ConsumerInstance> recreate(InstanceDefinition definition) {
    return open(definition.create()).compose(instance -> instance.call(consumer -> {
      if (definition.topics() != null || definition.pattern() != null) {
        consumer.subscribe(definition.topics(), definition.pattern());
      } else if (definition.assignment() != null) {
        consumer.assign(definition.assignment().stream().map(ConsumerOperations::kafka).toList());
      }
      return instance;
    }).recover(error -> discard(instance).transform(ignored -> Future.failedFuture(error))));
  }

  /** Forgets this very instance and closes it (a create that lost a race, a re-creation that failed). */
  Future<Void> discard(ConsumerInstance instance) {
    registry.forget(instance);
    return instance.close();
  }

  /**
   * Forgets this node's copy of an instance that lives on at another node, and closes it
   * ({@link ConsumerInstance#closeHandingOver}).
   */
  Future<Void> handOver(ConsumerInstance instance) {
    registry.forget(instance);
    return instance.closeHandingOver();
  }

  /** A long poll, then the records decoded in the instance's format and rendered in the request's layout. */
  Future<RenderedRead> read(ReadRecords request) {
    return readUnrendered(request).compose(result -> render(request, result.records()));
  }

  /** A long poll answered with its records as Kafka returned them (cluster mode's forwarded read). */
  Future<ReadResult> readUnrendered(ReadRecords request) {
    ConsumerInstance instance = registry.get(request.ref());
    InstanceSettings s = instance.settings();
    if (request.format() != s.format()) {
      throw ErrorCode.CONSUMER_FORMAT_MISMATCH.toException();
    }
    // A client's timeout can only shorten the instance's wait.
    long waitMs = request.timeoutMs() != null && request.timeoutMs() > 0
        ? Math.min(request.timeoutMs(), s.requestTimeoutMs()) : s.requestTimeoutMs();
    long budget = settings.readBudget(request.maxBytes());
    return instance.track(
        () -> new ReadTask(vertx, instance, request.topic(), budget, s.fetchMinBytes(), waitMs).run());
  }

  /**
   * The records of a read decoded in the instance's format and rendered in the request's layout. The format is the
   * request's: a read in another format than the instance's never returns records (40601).
   */
  Future<RenderedRead> render(ReadRecords request, List<ConsumedRecord> records) {
    RecordLayout layout = request.layout() == null ? RecordLayout.v2(false, false) : request.layout();
    return rendering.render(records, request.format(), layout);
  }

  Future<Ack> requeue(RequeueRecords request) {
    return step(request.ref(), consumer -> {
      consumer.requeue(request.records());
      return Ack.INSTANCE;
    });
  }

  Future<CommitResult> commit(CommitOffsets request) {
    return step(request.ref(), consumer -> new CommitResult(request.offsets() == null
        ? consumer.commitConsumed() : consumer.commit(request.offsets())));
  }

  Future<Ack> subscribe(Subscribe request) {
    return step(request.ref(), consumer -> {
      consumer.subscribe(request.topics(), request.topicPattern());
      return Ack.INSTANCE;
    });
  }

  Future<Subscription> subscription(GetSubscription request) {
    return step(request.ref(), consumer -> new Subscription(consumer.subscription()));
  }

  Future<Ack> unsubscribe(Unsubscribe request) {
    return step(request.ref(), consumer -> {
      consumer.unsubscribe();
      return Ack.INSTANCE;
    });
  }

  Future<Ack> assign(Assign request) {
    List<TopicPartition> partitions = request.partitions().stream().map(ConsumerOperations::kafka).toList();
    return step(request.ref(), consumer -> {
      consumer.assign(partitions);
      return Ack.INSTANCE;
    });
  }

  Future<Assignment> assignment(GetAssignment request) {
    return step(request.ref(), consumer -> new Assignment(consumer.assignment().stream()
        .map(tp -> new PartitionRef(tp.topic(), tp.partition())).toList()));
  }

  Future<Ack> seek(Seek request) {
    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
    request.offsets().forEach(o -> offsets.put(new TopicPartition(o.topic(), o.partition()), o.offset()));
    Map<TopicPartition, Long> times = new LinkedHashMap<>();
    request.timestamps().forEach(t -> times.put(new TopicPartition(t.topic(), t.partition()), t.timestampMs()));
    return step(request.ref(), consumer -> {
      consumer.seek(offsets, times);
      return Ack.INSTANCE;
    });
  }

  Future<Ack> seekToEdge(SeekToEdge request) {
    List<TopicPartition> partitions = request.partitions().stream().map(ConsumerOperations::kafka).toList();
    return step(request.ref(), consumer -> {
      consumer.seekToEdge(partitions, request.edge());
      return Ack.INSTANCE;
    });
  }

  Future<CommittedOffsets> committed(GetCommittedOffsets request) {
    List<TopicPartition> partitions = request.partitions().stream().map(ConsumerOperations::kafka).toList();
    return step(request.ref(), consumer -> new CommittedOffsets(consumer.committed(partitions)));
  }

  Future<Ack> delete(DeleteConsumer request) {
    ConsumerInstance instance = registry.remove(request.ref());
    // Closing problems are logged where they happen; the instance is gone either way.
    return instance.close().transform(ignored -> Future.succeededFuture(Ack.INSTANCE));
  }

  /** One client operation that is a single step on the instance's executor; 40403 for an unknown instance. */
  private <T> Future<T> step(ConsumerRef ref, Function<ConfinedConsumer, T> operation) {
    ConsumerInstance instance = registry.get(ref);
    return instance.track(() -> instance.call(operation));
  }

  private static TopicPartition kafka(PartitionRef partition) {
    return new TopicPartition(partition.topic(), partition.partition());
  }

  private InstanceSettings instanceSettings(CreateConsumer request) {
    int fetchMinBytes = request.fetchMinBytes() == null ? -1 : request.fetchMinBytes();
    if (fetchMinBytes < CreateConsumer.MIN_FETCH_MIN_BYTES || fetchMinBytes > CreateConsumer.MAX_FETCH_MIN_BYTES) {
      throw constraint("fetch.min.bytes must be between " + CreateConsumer.MIN_FETCH_MIN_BYTES + " and "
          + CreateConsumer.MAX_FETCH_MIN_BYTES + ", not " + fetchMinBytes);
    }
    long timeoutMs = request.requestTimeoutMs() == null ? settings.requestTimeoutMs() : request.requestTimeoutMs();
    if (timeoutMs < 0 || timeoutMs > Math.max(CreateConsumer.MAX_REQUEST_TIMEOUT_MS, settings.requestTimeoutMs())) {
      throw constraint("consumer.request.timeout.ms must be between 0 and "
          + Math.max(CreateConsumer.MAX_REQUEST_TIMEOUT_MS, settings.requestTimeoutMs()) + ", not " + timeoutMs);
    }
    return new InstanceSettings(request.format(), fetchMinBytes, timeoutMs);
  }

  private static TributaryException constraint(String detail) {
    return ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT.toException(
        ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT.message() + ": " + detail);
  }

  /** Runs on the instance's executor; a configuration Kafka refuses is the client's mistake (42204). */
  private static KafkaConsumer<byte[], byte[]> newKafkaConsumer(Map<String, Object> props) {
    try {
      return new KafkaConsumer<>(props);
    } catch (RuntimeException e) {
      Throwable root = KafkaErrors.unwrap(e);
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw ErrorCode.INVALID_CONSUMER_CONFIG.toException(
          ErrorCode.INVALID_CONSUMER_CONFIG.message() + ": " + root.getMessage());
    }
  }
}
