package io.tributary.consumer;

import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves v1 simple partition reads with pooled group-less consumers, off the event loop. */
final class SimpleFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(SimpleFetcher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Context context;
  private final Executor executor;
  private final SimpleConsumerPool pool;
  private final Supplier<Consumer<byte[], byte[]>> factory;
  private final ConsumerSettings settings;

  SimpleFetcher(Context context, Executor executor, SimpleConsumerPool pool,
      Supplier<Consumer<byte[], byte[]>> factory, ConsumerSettings settings) {
    this.context = context;
    this.executor = executor;
    this.pool = pool;
    this.factory = factory;
    this.settings = settings;
  }

  Future<ReadResult> fetch(FetchPartition request) {
    long budget = settings.readBudget(request.maxBytes());
    return pool.borrow().compose(slot -> Offload.call(context, executor, () -> {
      if (slot.consumer == null) {
        slot.consumer = factory.get();
      }
      try {
        return new ReadResult(PartitionRead.read(slot.consumer, request, budget));
      } catch (TributaryException expected) {
        throw expected;
      } catch (RuntimeException e) {
        // After a Kafka failure the consumer's state is unknown: replace it rather than reuse it.
        closeQuietly(slot.consumer);
        slot.consumer = null;
        throw e;
      }
    }).andThen(ignored -> pool.giveBack(slot)));
  }

  /** Closes the idle pooled consumers (shutdown). */
  Future<Void> close() {
    List<Consumer<byte[], byte[]>> consumers = pool.drain();
    return Offload.call(context, executor, () -> {
      consumers.forEach(SimpleFetcher::closeQuietly);
      return null;
    });
  }

  private static void closeQuietly(Consumer<byte[], byte[]> consumer) {
    try {
      consumer.close(CLOSE_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn("Closing a simple-read consumer failed: {}", e.toString());
    }
  }
}
