package io.tributary.produce;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.RecordHeader;
import io.tributary.core.produce.RecordReceipt;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The process's one Kafka producer and the single thread that calls {@code send} on it. {@code send} may block
 * (waiting for metadata, or for buffer space), so it never runs on an event loop; one thread keeps the records of
 * all requests in the order the engine accepted them.
 */
final class RecordSender {
  // close() delivers what is buffered before it returns; this bounds how long shutdown waits for that.
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<byte[], byte[]> producer;
  private final ExecutorService thread;

  RecordSender(Producer<byte[], byte[]> producer) {
    this.producer = producer;
    this.thread = Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(task, "tributary-producer-sender");
      t.setDaemon(true);
      return t;
    });
  }

  /** The Kafka producer, for its metrics. */
  Producer<byte[], byte[]> producer() {
    return producer;
  }

  /** Creates the Kafka producer; blocking (it resolves the bootstrap servers), so call it off the event loop. */
  static RecordSender create(Map<String, Object> producerConfig) {
    return new RecordSender(new KafkaProducer<>(producerConfig));
  }

  /**
   * Sends the records in order and completes on {@code context} with one receipt per record once Kafka has
   * answered for every one of them. Records naming one of {@code missingPartitions} are not sent; their receipts
   * say 40402.
   */
  Future<List<RecordReceipt>> send(String topic, List<OutgoingRecord> records, Set<Integer> missingPartitions,
      Context context) {
    PendingReceipts pending = new PendingReceipts(records.size());
    for (int i = 0; i < records.size(); i++) {
      Integer partition = records.get(i).partition();
      if (partition != null && missingPartitions.contains(partition)) {
        pending.refuse(i, RecordReceipt.failure(ErrorCode.PARTITION_NOT_FOUND,
            ErrorCode.PARTITION_NOT_FOUND.message()));
      }
    }
    try {
      // The caller's trace context travels to the sender thread: each record gets its traceparent header there.
      thread.execute(io.opentelemetry.context.Context.current().wrap(() -> sendAll(topic, records, pending)));
    } catch (RejectedExecutionException stopping) {
      return Future.failedFuture(ErrorCode.SERVICE_UNAVAILABLE.toException("The producer is shutting down."));
    }
    return Future.fromCompletionStage(pending.future(), context);
  }

  private void sendAll(String topic, List<OutgoingRecord> records, PendingReceipts pending) {
    for (int i = 0; i < records.size(); i++) {
      if (pending.hasOutcome(i)) {
        continue;
      }
      int index = i;
      try {
        producer.send(toProducerRecord(topic, records.get(i)), (metadata, error) ->
            pending.complete(index, metadata, error));
      } catch (RuntimeException e) {
        // Kafka reports most failures through the callback; what send throws (closed producer, interrupt) lands here.
        pending.complete(index, null, e);
      }
    }
  }

  private static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, OutgoingRecord record) {
    RecordHeaders headers = new RecordHeaders();
    for (RecordHeader h : record.headers()) {
      headers.add(new org.apache.kafka.common.header.internals.RecordHeader(h.name(), h.value()));
    }
    TraceparentHeader.addCurrentUnlessSet(headers);
    return new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(), record.value(), headers);
  }

  /**
   * Closes the producer after every send already queued, delivering buffered records first; completes on
   * {@code context}.
   */
  Future<Void> close(Context context) {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    try {
      thread.execute(() -> {
        try {
          producer.close(CLOSE_TIMEOUT);
        } finally {
          closed.complete(null);
        }
      });
    } catch (RejectedExecutionException alreadyClosing) {
      return Future.succeededFuture();
    }
    thread.shutdown();
    return Future.fromCompletionStage(closed, context);
  }
}
