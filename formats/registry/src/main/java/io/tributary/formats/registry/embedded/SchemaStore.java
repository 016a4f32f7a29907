package io.tributary.formats.registry.embedded;

import io.tributary.core.error.TributaryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's storage: the single-partition {@code _schemas} topic, read from the beginning into a
 * {@link RegistryState}, and written with compare-and-set semantics so that several Tributary instances sharing one
 * Kafka cluster never hand out the same id.
 *
 * <p>Start-up never waits for Kafka: {@link #start()} prepares the topic and reads it in the background. Requests
 * that arrive during that first attempt wait for it. If it fails, the store retries with a growing pause for as long
 * as the proxy runs, and until one attempt succeeds every request is answered at once with
 * {@link RegistryErrors#notReady}. A topic of the wrong shape is reported and refuses every request instead.
 *
 * <p>How writes stay consistent without a leader: every instance writes with the same transactional id. Before its
 * first write an instance initialises its producer, which fences any other instance's producer, and then reads the
 * topic to its end: from then on nobody else can commit unless they fence it in turn. It decides (next id = highest
 * id seen + 1, next version, compatibility) from that state and commits its records in one transaction. A commit
 * that fails for any reason (fenced, refused, timed out: its outcome may be unknown) is retried from scratch with a
 * new producer, whose initialisation settles the earlier transaction, and a re-read topic. The records of an attempt
 * carry an id of their own in a header, so the re-read tells whether that attempt committed after all: if it did,
 * its answer stands and nothing is decided or written again. A committed write was therefore decided on a state that
 * included every earlier write, in the topic's order, and is applied once. The writer then reads its own records
 * back, so the state it answers from is the topic's.
 *
 * <p>Everything runs on one thread of its own (Kafka clients are not thread-safe and their calls block); callers get
 * futures.
 */
final class SchemaStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long SYNC_TIMEOUT_MS = 15_000;
  static final int MAX_WRITE_ATTEMPTS = 8;
  private static final long FIRST_WRITE_BACKOFF_MS = 50;
  private static final long MAX_WRITE_BACKOFF_MS = 2_000;
  private static final long FIRST_PREPARE_BACKOFF_MS = 500;
  private static final long MAX_PREPARE_BACKOFF_MS = 30_000;
  /** Header carrying the id of the write attempt that produced a record; readers other than this store ignore it. */
  static final String WRITE_ID_HEADER = "tributary.write.id";

  /** What a write decided: records to commit (none: nothing to change) and the answer once they are read back. */
  record Decision<T>(List<ProducerRecord<byte[], byte[]>> records, T result) {
    static <T> Decision<T> unchanged(T result) {
      return new Decision<>(List.of(), result);
    }
  }

  private final String topic;
  private final TopicPartition partition;
  private final StoreClients clients;
  private final long writeBudgetMs;
  private final ScheduledExecutorService thread;
  private final RegistryState state = new RegistryState();
  /** Why requests are refused right now; null during the first attempt at loading and once loaded. */
  private volatile TributaryException unavailable;
  private volatile boolean loaded;
  private volatile boolean closed;

  // Touched only on the store's thread (and by close() once that thread has stopped).
  private boolean topicChecked;
  private int prepareAttempts;
  private Consumer<byte[], byte[]> consumer;
  private Producer<byte[], byte[]> producer;
  /** The write attempt whose records the reader watches for, and whether it has seen them. */
  private byte[] awaitedWrite;
  private boolean awaitedWriteSeen;

  /** @param writeBudgetMs how long a write keeps retrying before it gives up (below the bus timeout) */
  SchemaStore(String topic, StoreClients clients, long writeBudgetMs) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.clients = clients;
    this.writeBudgetMs = writeBudgetMs;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tributary-schema-store");
      t.setDaemon(true);
      return t;
    });
  }

  /** The state, for work already on the store's thread (inside {@link #submit}, {@link #read} or {@link #write}). */
  RegistryState state() {
    return state;
  }

  String topic() {
    return topic;
  }

  /** Starts preparing the topic and reading it in the background; returns at once. */
  void start() {
    // First in the thread's queue: requests submitted meanwhile run after this attempt and see its outcome.
    thread.execute(this::prepare);
  }

  /** Whether the topic is loaded and requests are served. */
  boolean ready() {
    return loaded;
  }

  // ---- start-up

  /** One attempt at creating or checking the topic and reading it to its end; schedules the next on failure. */
  private void prepare() {
    if (closed) {
      return;
    }
    prepareAttempts++;
    try {
      if (!topicChecked) {
        Admin admin = clients.admin();
        try {
          SchemasTopic.ensure(admin, topic);
        } finally {
          admin.close(Duration.ofSeconds(1));
        }
        topicChecked = true;
      }
      if (consumer == null) {
        consumer = clients.consumer();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
      }
      syncToEnd();
      loaded = true;
      unavailable = null;
      LOG.info("Embedded schema registry loaded {} ({} subjects, highest id {})", topic,
          state.subjects(true).size(), state.maxId());
    } catch (SchemasTopic.Misconfigured e) {
      LOG.error("The embedded schema registry is disabled: {}. Fix the topic or choose another one, then restart;"
          + " the rest of the proxy keeps serving", e.getMessage());
      unavailable = RegistryErrors.storeError(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (closed) {
        return;
      }
      retryPreparation(e);
    }
  }

  private void retryPreparation(RuntimeException e) {
    long delay = Math.min(MAX_PREPARE_BACKOFF_MS, FIRST_PREPARE_BACKOFF_MS << Math.min(prepareAttempts - 1, 16));
    String reason = StoreFailures.reason(e);
    // Loud at first, then about every ten minutes: Kafka may stay away for a long time.
    if (Integer.bitCount(prepareAttempts) == 1 || prepareAttempts % 20 == 0) {
      LOG.warn("The embedded schema registry cannot load {} yet (attempt {}: {}); retrying in {} ms", topic,
          prepareAttempts, e.toString(), delay);
    } else {
      LOG.debug("Loading {} failed again (attempt {}): {}", topic, prepareAttempts, e.toString());
    }
    unavailable = RegistryErrors.notReady(reason + "; retrying");
    try {
      thread.schedule(this::prepare, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      // Closed meanwhile.
    }
  }

  // ---- requests

  /**
   * Runs a query on the state after catching up with the topic, so that a read sees every write committed before
   * it, whichever instance made it (one end-offset request when nothing is new).
   */
  <T> CompletableFuture<T> read(Function<RegistryState, T> query) {
    return submit(() -> {
      try {
        syncToEnd();
      } catch (KafkaException e) {
        throw translate(e);
      }
      return query.apply(state);
    });
  }

  /**
   * Runs {@code work} on the store's thread, where it may call {@link #write} and use the state directly. Refused
   * at once while the store knows it is not ready; during the first attempt at loading, it waits for that attempt.
   */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    TributaryException refusal = unavailable;
    if (refusal != null) {
      return CompletableFuture.failedFuture(refusal);
    }
    return onStoreThread(() -> {
      TributaryException late = unavailable;
      if (late != null) {
        throw late;
      }
      return work.get();
    });
  }

  private <T> CompletableFuture<T> onStoreThread(Supplier<T> work) {
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
   * Decides on the current state and commits the decision, retried from scratch (new producer, re-read topic) when
   * a commit fails, until {@link #MAX_WRITE_ATTEMPTS} or the write budget is spent. Call on the store's thread
   * (inside {@link #submit}); {@code decide} may throw to refuse.
   */
  <T> T write(Function<RegistryState, Decision<T>> decide) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeBudgetMs);
    T pending = null;
    RuntimeException lastFailure = null;
    int attempt = 0;
    try {
      while (attempt < MAX_WRITE_ATTEMPTS && (attempt == 0 || System.nanoTime() < deadline)) {
        attempt++;
        if (attempt > 1) {
          backOff(attempt - 1);
        }
        try {
          ensureProducer();
          syncToEnd();
        } catch (RuntimeException e) {
          lastFailure = failedAttempt(e, attempt);
          continue;
        }
        if (pending != null) {
          if (awaitedWriteSeen) {
            // The attempt whose commit looked failed did commit: its answer stands, nothing is written again.
            LOG.info("A write to {} whose commit had failed turned out committed; answering from it", topic);
            return pending;
          }
          // It did not commit (initialising the new producer aborted it): decide again on the current state.
          pending = null;
        }
        Decision<T> decision = decide.apply(state);
        if (decision.records().isEmpty()) {
          return decision.result();
        }
        pending = decision.result();
        awaitedWrite = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        awaitedWriteSeen = false;
        try {
          long last = commit(decision.records(), awaitedWrite);
          syncPast(last);
          return decision.result();
        } catch (RuntimeException e) {
          lastFailure = failedAttempt(e, attempt);
        }
      }
    } finally {
      awaitedWrite = null;
    }
    String reason = StoreFailures.reason(lastFailure);
    String detail = "the write to " + topic + " did not go through after " + attempt + " attempts (" + reason + ")";
    throw StoreFailures.isTimeout(lastFailure) ? RegistryErrors.timeout(detail) : RegistryErrors.storeError(detail);
  }

  /**
   * Discards the producer after a failed attempt (any failure: a producer in an unknown state is never reused);
   * rethrows, translated, what no retry can fix.
   */
  private RuntimeException failedAttempt(RuntimeException e, int attempt) {
    discardProducer();
    if (!StoreFailures.retriable(e)) {
      throw translate(e);
    }
    if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
      LOG.debug("Schema store write fenced by another instance (attempt {}); retrying", attempt);
    } else {
      LOG.warn("Schema store write to {} failed (attempt {} of {}): {}; retrying from a re-read topic", topic,
          attempt, MAX_WRITE_ATTEMPTS, e.toString());
    }
    return e;
  }

  private long commit(List<ProducerRecord<byte[], byte[]>> records, byte[] writeId) {
    producer.beginTransaction();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> r : records) {
      sent.add(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), r.value(),
          List.<Header>of(new RecordHeader(WRITE_ID_HEADER, writeId)))));
    }
    // A failure here leaves the transaction to the next producer's initialisation, which completes or aborts it.
    producer.commitTransaction();
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
    Producer<byte[], byte[]> p = clients.producer();
    try {
      // Fences every other instance's producer; an open transaction of this id (another instance's, or an earlier
      // attempt of ours) is completed or aborted first.
      p.initTransactions();
    } catch (RuntimeException e) {
      p.close(Duration.ZERO);
      throw e;
    }
    producer = p;
  }

  private void discardProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.debug("Closing a failed schema store producer: {}", e.toString());
      }
      producer = null;
    }
  }

  // ---- reading

  private void syncToEnd() {
    // With read_committed this is the last stable offset: everything committed so far.
    pollUntil(consumer.endOffsets(List.of(partition)).get(partition));
  }

  private void syncPast(long offset) {
    pollUntil(offset + 1);
  }

  private void pollUntil(long target) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SYNC_TIMEOUT_MS);
    while (consumer.position(partition) < target) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Reading " + topic + " up to offset " + target + " took longer than "
            + SYNC_TIMEOUT_MS + " ms");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        StoreRecords.apply(state, r.key(), r.value(), r.offset());
        if (awaitedWrite != null && !awaitedWriteSeen) {
          Header h = r.headers().lastHeader(WRITE_ID_HEADER);
          awaitedWriteSeen = h != null && Arrays.equals(h.value(), awaitedWrite);
        }
      }
    }
  }

  private TributaryException translate(RuntimeException e) {
    LOG.warn("Schema store error on {}: {}", topic, e.toString());
    String reason = StoreFailures.reason(e);
    return StoreFailures.isTimeout(e) ? RegistryErrors.timeout(reason) : RegistryErrors.storeError(reason);
  }

  private static void backOff(int failures) {
    long ceiling = Math.min(MAX_WRITE_BACKOFF_MS, FIRST_WRITE_BACKOFF_MS << Math.min(failures - 1, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- shutdown

  @Override
  public void close() {
    closed = true;
    if (loaded) {
      // Let a write in progress finish, then close the clients on their own thread.
      try {
        onStoreThread(() -> {
          closeClients();
          return null;
        }).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Closing the schema store: {}", e.toString());
      }
    }
    // Still loading: an attempt may be blocked on an unreachable Kafka; interrupt it rather than wait it out.
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("The schema store's thread did not stop in time");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    closeClients();
  }

  private void closeClients() {
    discardProducer();
    if (consumer != null) {
      try {
        consumer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("Closing the schema store reader: {}", e.toString());
      }
      consumer = null;
    }
  }
}
