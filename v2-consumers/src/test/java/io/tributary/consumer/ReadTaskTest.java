package io.tributary.consumer;

import static io.tributary.consumer.ListeningMockConsumer.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a long-poll read ends, against Kafka's MockConsumer: by its byte budget, by {@code fetch.min.bytes}, or by its
 * deadline. The reads that must end early are given an hour, so a read that waited for its deadline would not pass.
 */
class ReadTaskTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final long AN_HOUR_MS = TimeUnit.HOURS.toMillis(1);
  private static final int NEVER = -1;

  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final Context context = vertx.getOrCreateContext();
  private final ListeningMockConsumer kafka = new ListeningMockConsumer();
  private final ConsumerInstance instance = new ConsumerInstance(new ConsumerRef("g", "i", "anonymous"),
      new InstanceSettings(EmbeddedFormat.BINARY, NEVER, AN_HOUR_MS), context, pool);

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
  }

  /** An instance assigned P0, with {@code count} records of 10 bytes waiting in Kafka. */
  private void opened(int count) throws Exception {
    kafka.assign(List.of(P0));
    kafka.updateBeginningOffsets(Map.of(P0, 0L));
    for (int i = 0; i < count; i++) {
      kafka.addRecord(record(P0, i, 10));
    }
    CompletableFuture<Void> open = new CompletableFuture<>();
    context.runOnContext(v -> instance.open(() -> new ConfinedConsumer(instance.ref(), kafka, false, 0))
        .onComplete(ar -> open.complete(null)));
    open.get(1, TimeUnit.MINUTES);
  }

  private List<Long> read(long budget, int fetchMinBytes, long waitMs) throws Exception {
    CompletableFuture<ReadResult> done = new CompletableFuture<>();
    context.runOnContext(v -> new ReadTask(vertx, instance, null, budget, fetchMinBytes, waitMs).run()
        .onSuccess(done::complete).onFailure(done::completeExceptionally));
    // A bound for a broken read to fail by, far below the hour such a read would wait.
    return done.get(2, TimeUnit.MINUTES).records().stream().map(ConsumedRecord::offset).toList();
  }

  @Test
  void endsWhenTheNextRecordWouldNotFit() throws Exception {
    opened(10);

    assertThat(read(35, NEVER, AN_HOUR_MS)).containsExactly(0L, 1L, 2L);
    assertThat(read(1000, NEVER, 1)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void endsWhenTheBudgetIsUsedUpEvenWithNothingElseBuffered() throws Exception {
    opened(3);

    // 30 bytes of 30: nothing else is in Kafka or in the buffer, and no further record could fit.
    assertThat(read(30, NEVER, AN_HOUR_MS)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void returnsARecordLargerThanTheWholeBudget() throws Exception {
    opened(2);

    assertThat(read(5, NEVER, AN_HOUR_MS)).containsExactly(0L);
  }

  @Test
  void endsOnceItHoldsMoreThanFetchMinBytes() throws Exception {
    opened(2);

    assertThat(read(1000, 15, AN_HOUR_MS)).containsExactly(0L, 1L);
  }

  @Test
  void endsAtItsDeadlineWithWhatItHas() throws Exception {
    opened(2);

    assertThat(read(1000, NEVER, 50)).containsExactly(0L, 1L);
    assertThat(read(1000, NEVER, 50)).isEmpty();
    assertThat(kafka.polls.get()).as("polls until the deadline").isGreaterThan(1);
  }
}
