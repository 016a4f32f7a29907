package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.core.error.TributaryException;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The store's start-up does not wait for Kafka: it loads its topic in the background, refuses requests with a
 * "not ready" 503 while it cannot, keeps trying, and serves once it has loaded. A topic of the wrong shape is
 * reported to every request instead.
 */
class SchemaStoreStartupTest {
  @Test
  void whileKafkaCannotBeReachedRequestsAreRefusedAsNotReadyUntilARetrySucceeds() throws Exception {
    String topic = TestKafka.uniqueTopic("_schemas-startup");
    AtomicInteger adminCalls = new AtomicInteger();
    StoreClients clients = new StoreClients(SchemaStoreCommitRetryTest.config(), topic) {
      @Override
      Admin admin() {
        // The first attempt meets a Kafka that does not answer, as at a start-up during an outage.
        if (adminCalls.incrementAndGet() == 1) {
          throw new TimeoutException("injected: no node answered");
        }
        return super.admin();
      }
    };
    try (SchemaStore store = new SchemaStore(topic, clients, 30_000)) {
      store.start();

      TributaryException refusal = failure(store.read(s -> s.maxId()));
      assertThat(refusal.code()).isEqualTo(RegistryErrors.NOT_READY);
      assertThat(refusal.status()).isEqualTo(503);
      assertThat(refusal.getMessage()).isEqualTo(
          "The schema registry is not ready yet - Kafka did not answer in time; retrying");

      int highestId = eventually(() -> store.read(s -> s.maxId()));
      assertThat(highestId).isZero();
      assertThat(store.ready()).isTrue();
      assertThat(adminCalls).hasValue(2);
    }
  }

  @Test
  void aTopicWithMoreThanOnePartitionIsReportedToEveryRequest() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("_schemas-partitions"), 2);

    TributaryException refusal = refusalOfAStoreOn(topic);

    assertThat(refusal.code()).isEqualTo(RegistryErrors.STORE_ERROR);
    assertThat(refusal.getMessage()).contains(topic + " has 2 partitions", "exactly 1");
  }

  @Test
  void aTopicThatIsNotCompactedIsReportedToEveryRequest() throws Exception {
    String topic = TestKafka.uniqueTopic("_schemas-delete");
    TestKafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))))
        .all().get(30, TimeUnit.SECONDS);

    TributaryException refusal = refusalOfAStoreOn(topic);

    assertThat(refusal.code()).isEqualTo(RegistryErrors.STORE_ERROR);
    assertThat(refusal.getMessage()).contains("cleanup.policy=compact");
  }

  private static TributaryException refusalOfAStoreOn(String topic) {
    try (SchemaStore store = new SchemaStore(topic, new StoreClients(SchemaStoreCommitRetryTest.config(), topic),
        30_000)) {
      store.start();
      TributaryException first = failure(store.read(s -> s.maxId()));
      TributaryException later = failure(store.submit(() -> "anything"));
      assertThat(later.getMessage()).isEqualTo(first.getMessage());
      assertThat(store.ready()).isFalse();
      return first;
    }
  }

  private static TributaryException failure(CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(60, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TributaryException.class);
    return (TributaryException) thrown.getCause();
  }

  /** Asks until the store answers (its retries back off, so this may take a moment); else its last failure. */
  private static <T> T eventually(java.util.function.Supplier<CompletableFuture<T>> ask) throws Exception {
    AtomicReference<ExecutionException> failure = new AtomicReference<>();
    AtomicReference<T> answer = new AtomicReference<>();
    boolean answered = Eventually.get(() -> {
      try {
        answer.set(ask.get().get(60, TimeUnit.SECONDS));
        return true;
      } catch (ExecutionException e) {
        failure.set(e);
        return false;
      } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
    }, done -> done);
    if (!answered) {
      throw failure.get();
    }
    return answer.get();
  }
}
