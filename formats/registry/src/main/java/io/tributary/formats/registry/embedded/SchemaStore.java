package io.tributary.formats.registry.embedded;

import io.tributary.core.error.TributaryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's storage: the single-partition {@code _schemas} topic, read from the beginning into a
 * {@link RegistryState}, and written with compare-and-set semantics so that several Tributary instances sharing one
 * Kafka cluster never hand out the same id.
 *
 * <p>How writes stay consistent without a leader: every instance writes with the same transactional id. Before its
 * first write an instance initialises its producer, which fences any other instance's producer, and then reads the
 * topic to its end: from then on nobody else can commit unless they fence it in turn. It decides (next id = highest
 * id seen + 1, next version, compatibility) from that state and commits its records in one transaction. If another
 * instance fenced it meanwhile, the commit fails, and it starts over with a fresh producer and a re-read topic. A
 * committed write was therefore decided on a state that included every earlier write, in the topic's order. The
 * writer then reads its own records back, so the state it answers from is the topic's.
 *
 * <p>Everything runs on one thread of its own (Kafka clients are not thread-safe and their calls block); callers get
 * futures.
 */
final class SchemaStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long SYNC_TIMEOUT_MS = 15_000;
  private static final int MAX_WRITE_ATTEMPTS = 8;

  /** What a write decided: records to commit (none: nothing to change) and the answer once they are read back. */
  record Decision<T>(List<ProducerRecord<byte[], byte[]>> records, T result) {
    static <T> Decision<T> unchanged(T result) {
      return new Decision<>(List.of(), result);
    }
  }

  private final String topic;
  private final TopicPartition partition;
  private final Map<String, Object> producerProps;
  private final Map<String, Object> consumerProps;
  private final Map<String, Object> adminProps;
  private final ExecutorService thread;
  private final RegistryState state = new RegistryState();
  private KafkaConsumer<byte[], byte[]> consumer;
  private KafkaProducer<byte[], byte[]> producer;

  SchemaStore(String topic, Map<String, Object> producerProps, Map<String, Object> consumerProps,
      Map<String, Object> adminProps) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.producerProps = producerProps;
    this.consumerProps = consumerProps;
    this.adminProps = adminProps;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tributary-schema-store");
      t.setDaemon(true);
      return t;
    });
  }

  String topic() {
    return topic;
  }

  /** Prepares the topic and reads it to its end. */
  CompletableFuture<Void> start() {
    return submit(() -> {
      try (Admin admin = Admin.create(adminProps)) {
        SchemasTopic.ensure(admin, topic);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while preparing " + topic, e);
      }
      consumer = new KafkaConsumer<>(consumerProps);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      syncToEnd();
      LOG.info("Embedded schema registry loaded {} ({} subjects, highest id {})", topic,
          state.subjects(true).size(), state.maxId());
      return null;
    });
  }

  /**
   * Runs a query on the state after catching up with the topic, so that a read sees every write committed before
   * it, whichever instance made it (one end-offset request when nothing is new).
   */
  <T> CompletableFuture<T> read(Function<RegistryState, T> query) {
    return submit(() -> {
      syncToEnd();
      return query.apply(state);
    });
  }

  /** Runs {@code work} on the store's thread, where it may call {@link #write} and use the state directly. */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      thread.execute(() -> {
        try {
          result.complete(work.get());
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(RegistryErrors.storeError("the schema store is shut down"));
    }
    return result;
  }

  /**
   * Decides on the current state and commits the decision; retried from scratch when another instance wrote in
   * between. Call on the store's thread (inside {@link #submit}); {@code decide} may throw to refuse.
   */
  <T> T write(Function<RegistryState, Decision<T>> decide) {
    for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      ensureProducer();
      syncToEnd();
      Decision<T> decision = decide.apply(state);
      if (decision.records().isEmpty()) {
        return decision.result();
      }
      try {
        long last = commit(decision.records());
        syncPast(last);
        return decision.result();
      } catch (ProducerFencedException | InvalidProducerEpochException e) {
        LOG.debug("Schema store write fenced by another instance (attempt {}); retrying", attempt);
        discardProducer();
        backOff(attempt);
      } catch (KafkaException e) {
        discardProducer();
        if (isFencing(e)) {
          backOff(attempt);
          continue;
        }
        throw translate(e);
      }
    }
    throw RegistryErrors.storeError("other instances kept writing to " + topic + "; giving up after "
        + MAX_WRITE_ATTEMPTS + " attempts");
  }

  private long commit(List<ProducerRecord<byte[], byte[]>> records) {
    producer.beginTransaction();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try {
      for (ProducerRecord<byte[], byte[]> r : records) {
        sent.add(producer.send(r));
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      throw e;
    } catch (KafkaException e) {
      abortQuietly();
      throw e;
    }
    long last = -1;
    for (Future<RecordMetadata> f : sent) {
      try {
        last = Math.max(last, f.get().offset());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof KafkaException ke ? ke : new KafkaException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted", e);
      }
    }
    return last;
  }

  private void ensureProducer() {
    if (producer != null) {
      return;
    }
    KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerProps);
    try {
      // Fences every other instance's producer; their open transactions are aborted or completed first.
      p.initTransactions();
    } catch (KafkaException e) {
      p.close(Duration.ZERO);
      throw translate(e);
    }
    producer = p;
  }

  private void discardProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (KafkaException ignored) {
      // The producer is discarded by the caller anyway.
    }
  }

  private void syncToEnd() {
    long end;
    try {
      // With read_committed this is the last stable offset: everything committed so far.
      end = consumer.endOffsets(List.of(partition)).get(partition);
    } catch (KafkaException e) {
      throw translate(e);
    }
    pollUntil(end);
  }

  private void syncPast(long offset) {
    pollUntil(offset + 1);
  }

  private void pollUntil(long target) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SYNC_TIMEOUT_MS);
    try {
      while (consumer.position(partition) < target) {
        if (System.nanoTime() > deadline) {
          throw RegistryErrors.timeout("reading " + topic + " up to offset " + target + " took longer than "
              + SYNC_TIMEOUT_MS + " ms");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          StoreRecords.apply(state, r.key(), r.value(), r.offset());
        }
      }
    } catch (KafkaException e) {
      throw translate(e);
    }
  }

  private static boolean isFencing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private TributaryException translate(KafkaException e) {
    if (e instanceof TimeoutException || e instanceof RetriableException) {
      return RegistryErrors.timeout("Kafka did not answer for " + topic + ": " + e.getMessage());
    }
    LOG.warn("Schema store error on {}: {}", topic, e.toString());
    return RegistryErrors.storeError(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  @Override
  public void close() {
    CompletableFuture<Void> closed = submit(() -> {
      discardProducer();
      if (consumer != null) {
        consumer.close(Duration.ofSeconds(5));
      }
      return null;
    });
    try {
      closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Closing the schema store: {}", e.toString());
    }
    thread.shutdownNow();
  }
}
