package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.registry.embedded.SchemaStore.Decision;
import io.tributary.formats.schema.SchemaType;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store does when a commit fails, against the real broker, with a producer that fails on cue: a commit
 * whose outcome is unknown is settled by a new producer and a re-read of the topic, so a write that did commit is
 * answered from the topic and never applied twice, and one that did not is decided again. Each test has a registry
 * topic (and so a transactional id) of its own.
 */
class SchemaStoreCommitRetryTest {
  /** Kafka's words when the transaction coordinator fails a commit it may or may not have completed. */
  private static final String END_TXN_FAILURE =
      "Unhandled error in EndTxnResponse: The server experienced an unexpected error when processing the request.";

  private final String topic = TestKafka.uniqueTopic("_schemas-retry");
  private final ScriptedClients clients = new ScriptedClients(topic);
  private final SchemaStore store = new SchemaStore(topic, clients, 30_000);

  @BeforeEach
  void start() throws InterruptedException {
    store.start();
    awaitLoaded(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aCommitReportedFailedThatDidCommitIsAnsweredFromTheTopicAndNotAppliedAgain() throws Exception {
    clients.script.add(CommitFailure.AFTER_COMMITTING);

    int version = write(store, appendVersion("s"));

    assertThat(version).isEqualTo(1);
    assertThat(clients.commits).as("the retry found the write committed and did not commit again").hasValue(1);
    assertThat(versionsInTopic("s")).containsExactly(1);
  }

  @Test
  void aCommitThatDidNotCommitIsDecidedAgainWithAFreshProducer() throws Exception {
    clients.script.add(CommitFailure.WITHOUT_COMMITTING);

    int version = write(store, appendVersion("s"));

    assertThat(version).isEqualTo(1);
    assertThat(clients.commits).hasValue(2);
    assertThat(clients.producers).as("a fresh producer after the failure").hasValue(2);
    assertThat(versionsInTopic("s")).containsExactly(1);
    assertThat(write(store, appendVersion("s"))).isEqualTo(2);
  }

  @Test
  void aCommitThatKeepsFailingGivesUpWith50001AndAShortReason() throws Exception {
    for (int i = 0; i < SchemaStore.MAX_WRITE_ATTEMPTS; i++) {
      clients.script.add(CommitFailure.WITHOUT_COMMITTING);
    }

    TributaryException failure = writeFailure(store, appendVersion("s"));

    assertThat(failure.code()).isEqualTo(RegistryErrors.STORE_ERROR);
    assertThat(failure.getMessage()).startsWith("Error in the backend data store - ")
        .contains(SchemaStore.MAX_WRITE_ATTEMPTS + " attempts").doesNotContain("EndTxn", "server experienced");
    assertThat(clients.commits).hasValue(SchemaStore.MAX_WRITE_ATTEMPTS);
    assertThat(versionsInTopic("s")).isEmpty();
  }

  @Test
  void aRefusalThatNoRetryCanFixFailsAtOnce() throws Exception {
    clients.script.add(CommitFailure.NOT_AUTHORIZED);

    TributaryException failure = writeFailure(store, appendVersion("s"));

    assertThat(failure.code()).isEqualTo(RegistryErrors.STORE_ERROR);
    assertThat(failure.getMessage()).contains("not authorized").doesNotContain("injected");
    assertThat(clients.commits).hasValue(1);
  }

  @Test
  void writesAfterARetriedOneContinueFromTheTopic() throws Exception {
    clients.script.add(CommitFailure.AFTER_COMMITTING);
    write(store, appendVersion("a"));
    clients.script.add(CommitFailure.WITHOUT_COMMITTING);
    write(store, appendVersion("b"));

    assertThat(write(store, appendVersion("a"))).isEqualTo(2);
    try (SchemaStore fresh = loadedStore(topic)) {
      // Every decision took the one before it into account: three records, three different ids.
      List<Integer> seen = read(fresh, s -> List.of(s.maxId(), s.versions("a", true).size(),
          s.versions("b", true).size()));
      assertThat(seen).containsExactly(3, 2, 1);
    }
  }

  // ---- helpers

  /** A write that is never idempotent: each application adds the next version, with the next id. */
  private Function<RegistryState, Decision<Integer>> appendVersion(String subject) {
    return state -> {
      int version = state.maxVersion(subject) + 1;
      StoredSchema s = new StoredSchema(subject, version, state.maxId() + 1, SchemaType.AVRO,
          "{\"type\":\"fixed\",\"name\":\"F" + version + "\",\"size\":" + version + "}", false);
      return new Decision<>(List.of(new ProducerRecord<>(topic, 0, StoreRecords.schemaKey(subject, version),
          StoreRecords.schemaValue(s))), version);
    };
  }

  /** The versions of {@code subject}, soft-deleted included, as a store that loads the topic afresh sees them. */
  private List<Integer> versionsInTopic(String subject) throws Exception {
    try (SchemaStore fresh = loadedStore(topic)) {
      return read(fresh, s -> s.versions(subject, true).stream().map(StoredSchema::version).toList());
    }
  }

  private static SchemaStore loadedStore(String topic) throws InterruptedException {
    SchemaStore fresh = new SchemaStore(topic, new StoreClients(config(), topic), 30_000);
    fresh.start();
    awaitLoaded(fresh);
    return fresh;
  }

  /** Loading may take a retry when the broker is slow to show a topic it has just created. */
  private static void awaitLoaded(SchemaStore store) {
    assertThat(Eventually.get(store::ready, ready -> ready)).as("the store loaded its topic").isTrue();
  }

  private static <T> T write(SchemaStore store, Function<RegistryState, Decision<T>> decide) throws Exception {
    return store.submit(() -> store.write(decide)).get(60, TimeUnit.SECONDS);
  }

  private static TributaryException writeFailure(SchemaStore store, Function<RegistryState, Decision<Integer>> decide) {
    Throwable thrown = catchThrowable(() -> store.submit(() -> store.write(decide)).get(60, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TributaryException.class);
    return (TributaryException) thrown.getCause();
  }

  private static <T> T read(SchemaStore store, Function<RegistryState, T> query) throws Exception {
    return store.read(query).get(60, TimeUnit.SECONDS);
  }

  static TributaryConfig config() {
    return new TributaryConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
  }

  enum CommitFailure { AFTER_COMMITTING, WITHOUT_COMMITTING, NOT_AUTHORIZED }

  /** The store's clients, with producers whose commits fail as the test scripts them (one entry per commit). */
  private static final class ScriptedClients extends StoreClients {
    final Deque<CommitFailure> script = new ArrayDeque<>();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger producers = new AtomicInteger();

    ScriptedClients(String topic) {
      super(config(), topic);
    }

    @Override
    Producer<byte[], byte[]> producer() {
      producers.incrementAndGet();
      return new KafkaProducer<>(producerProps()) {
        @Override
        public void commitTransaction() {
          commits.incrementAndGet();
          CommitFailure failure;
          synchronized (script) {
            failure = script.pollFirst();
          }
          if (failure == null) {
            super.commitTransaction();
            return;
          }
          switch (failure) {
            case AFTER_COMMITTING -> {
              super.commitTransaction();
              throw new KafkaException(END_TXN_FAILURE);
            }
            // The transaction stays open with its records written: the next producer's initialisation aborts it.
            case WITHOUT_COMMITTING -> throw new KafkaException(END_TXN_FAILURE);
            case NOT_AUTHORIZED -> throw new TransactionalIdAuthorizationException("injected refusal");
          }
        }
      };
    }
  }
}
