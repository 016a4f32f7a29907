package io.tributary.produce;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.kafka.KafkaErrors;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipts of one produce request, filled in by Kafka's callbacks (on the producer's I/O thread) or by a
 * {@code send} that threw (on the sender thread). It completes only when every record has an outcome, so a
 * request is never answered before Kafka has acknowledged (or refused) all of its records.
 */
final class PendingReceipts {
  private static final Logger LOG = LoggerFactory.getLogger(PendingReceipts.class);

  private final AtomicReferenceArray<RecordReceipt> receipts;
  private final AtomicInteger outstanding;
  private final CompletableFuture<List<RecordReceipt>> done = new CompletableFuture<>();
  // A failure that is not Kafka's (a bug, a closed producer) fails the whole request, as kafka-rest did.
  private volatile Throwable unexpected;

  PendingReceipts(int size) {
    this.receipts = new AtomicReferenceArray<>(size);
    this.outstanding = new AtomicInteger(size);
    if (size == 0) {
      done.complete(List.of());
    }
  }

  CompletableFuture<List<RecordReceipt>> future() {
    return done;
  }

  /** Records the outcome of record {@code index}; later outcomes for the same record are ignored. */
  void complete(int index, RecordMetadata metadata, Throwable error) {
    RecordReceipt receipt = error == null
        ? RecordReceipt.success(metadata.partition(), metadata.offset(), metadata.timestamp())
        : failure(error);
    if (!receipts.compareAndSet(index, null, receipt)) {
      return;
    }
    if (outstanding.decrementAndGet() == 0) {
      finish();
    }
  }

  private RecordReceipt failure(Throwable error) {
    Throwable cause = KafkaErrors.unwrap(error);
    if (!(cause instanceof KafkaException)) {
      unexpected = cause;
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return RecordReceipt.failure(KafkaErrors.codeFor(cause), message);
  }

  private void finish() {
    Throwable failure = unexpected;
    if (failure != null) {
      if (failure instanceof IllegalStateException) {
        // The producer refuses sends once it is closed: the engine is stopping.
        done.completeExceptionally(ErrorCode.SERVICE_UNAVAILABLE.toException("The producer is shutting down."));
      } else {
        LOG.error("A produce request failed outside Kafka's error model", failure);
        done.completeExceptionally(ErrorCode.INTERNAL.toException());
      }
      return;
    }
    RecordReceipt[] out = new RecordReceipt[receipts.length()];
    Arrays.setAll(out, receipts::get);
    done.complete(List.of(out));
  }
}
