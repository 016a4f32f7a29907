package io.tributary.produce;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.kafka.KafkaClientConfigs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * The produce engine: one shared Kafka producer for the whole process, serving {@link ProduceOps#SEND}.
 * A request is checked against the topic's partitions first (nothing is written when that fails; or, when the
 * request asks for it, only the records naming a missing partition are refused), then every record is sent, and the reply (one receipt per record, in request order) goes out only once Kafka has answered
 * for all of them. Stopping delivers what is buffered and closes the producer. A request to an internal topic
 * ({@link InternalTopics}) is refused with 403 before anything else, whichever route sent it: the routes refuse it
 * earlier still (before converting anything), this is the guarantee that nothing reaches Kafka.
 */
public final class ProduceEngineVerticle extends VerticleBase {
  private final TributaryConfig config;
  private final InternalTopics internalTopics;
  private RecordSender sender;
  private TopicPartitions topics;
  private MessageConsumer<ProduceRequest> consumer;
  // Requests accepted but not yet answered; stop() lets them finish before it closes the producer.
  private final Set<Future<?>> inFlight = new HashSet<>();

  private final MeterRegistry meterRegistry;
  private ProduceMeters meters;

  public ProduceEngineVerticle(TributaryConfig config) {
    this(config, new CompositeMeterRegistry());
  }

  /** @param meterRegistry where the produce meters and the Kafka producer's metrics go */
  public ProduceEngineVerticle(TributaryConfig config, MeterRegistry meterRegistry) {
    this.config = config;
    this.internalTopics = InternalTopics.from(config);
    this.meterRegistry = meterRegistry;
  }

  @Override
  public Future<?> start() {
    topics = new TopicPartitions(vertx);
    return vertx.executeBlocking(() -> RecordSender.create(KafkaClientConfigs.producer(config)))
        .compose(created -> {
          sender = created;
          meters = new ProduceMeters(meterRegistry, created.producer());
          consumer = ProduceOps.SEND.serve(vertx, this::produce);
          return consumer.completion();
        });
  }

  private Future<ProduceResult> produce(ProduceRequest request) {
    long startNanos = System.nanoTime();
    // The produce span Vert.x opened for this message; made current again where the records are handed to Kafka.
    io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
    if (internalTopics.isInternal(request.topic())) {
      // Checked before the partition lookup, whose metadata request could auto-create the topic.
      return Future.failedFuture(internalTopics.refusal(request.topic()));
    }
    Future<ProduceResult> handled = topics.missingPartitions(request)
        .compose(missing -> missing.isEmpty() || request.partitionErrorsPerRecord()
            ? trace.wrapSupplier(() -> sender.send(request.topic(), request.records(), missing, context)).get()
            : Future.failedFuture(ErrorCode.PARTITION_NOT_FOUND.toException()))
        .onSuccess(receipts -> meters.answered(request.origin(), receipts, startNanos))
        .onFailure(error -> meters.refused(request.origin(), request.records().size()))
        .map(ProduceResult::new);
    inFlight.add(handled);
    handled.onComplete(done -> inFlight.remove(handled));
    return handled;
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered
        .transform(ignored -> Future.join(new ArrayList<>(inFlight)))
        .transform(ignored -> sender == null ? Future.succeededFuture() : sender.close(context))
        .andThen(closed -> {
          if (meters != null) {
            meters.close();
          }
        });
  }
}
