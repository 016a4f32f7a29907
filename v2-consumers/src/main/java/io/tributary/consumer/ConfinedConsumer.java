package io.tributary.consumer;

import io.tributary.core.consumer.CommittedPosition;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a consumer instance that only its own serial executor touches: the KafkaConsumer, the records polled
 * but not yet returned, and the offsets returned so far. Every method blocks (briefly) and must run on that
 * executor, never on an event loop.
 */
final class ConfinedConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ConfinedConsumer.class);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  /**
   * The longest poll while a subscribed instance waits for its group to assign partitions. The join is a chain of
   * round trips (coordinator, join, sync, committed offsets, first fetch), and a consumer makes progress on it only
   * inside poll: short polls with pauses between them would add a pause to every link, as a plain consumer's
   * poll loop does not.
   */
  static final Duration JOIN_SLICE = Duration.ofMillis(100);

  private final ConsumerRef ref;
  private final Consumer<byte[], byte[]> consumer;
  private final boolean autoCommit;
  private final long autoCommitIntervalNanos;
  private final RecordBuffer buffer = new RecordBuffer();
  private final ConsumedOffsets consumed = new ConsumedOffsets();
  private String impliedTopic;
  private String subscribedPattern;
  private long lastAutoCommitNanos = System.nanoTime();
  // Volatile: the metrics scrape (InstanceClientMetrics) reads it from its own thread.
  private volatile boolean closed;
  private Runnable onClose = () -> { };

  /**
   * @param autoCommit commit what was returned every {@code autoCommitIntervalMs}. Done here rather than by
   *     Kafka's {@code enable.auto.commit}, which commits the consumer's position and so would also cover records
   *     still waiting in the buffer: a crash would then skip them.
   */
  ConfinedConsumer(ConsumerRef ref, Consumer<byte[], byte[]> consumer, boolean autoCommit,
      long autoCommitIntervalMs) {
    this.ref = ref;
    this.consumer = consumer;
    this.autoCommit = autoCommit;
    this.autoCommitIntervalNanos = Duration.ofMillis(autoCommitIntervalMs).toNanos();
  }

  boolean isClosed() {
    return closed;
  }

  /** Runs {@code action} once the instance is closed (e.g. to stop counting its client in aggregates). */
  void onClose(Runnable action) {
    onClose = action;
  }

  /** The Kafka client's metrics; safe from any thread (the one thread-safe method of a Kafka consumer). */
  Map<MetricName, ? extends Metric> kafkaMetrics() {
    return consumer.metrics();
  }

  /**
   * v1's implicit subscription: the first read of a topic checks that it exists and subscribes to it; reading
   * another topic afterwards is a conflict (40901).
   */
  void subscribeImplicitly(String topic) {
    if (topic.equals(impliedTopic)) {
      return;
    }
    // An instance subscribed through v2 to exactly this topic (by name) is reading it already.
    if (impliedTopic == null && subscribedPattern == null && consumer.subscription().equals(Set.of(topic))) {
      impliedTopic = topic;
      return;
    }
    if (impliedTopic != null || !consumer.subscription().isEmpty() || !consumer.assignment().isEmpty()) {
      throw ErrorCode.CONSUMER_ALREADY_SUBSCRIBED.toException();
    }
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
    } catch (InvalidTopicException e) {
      throw ErrorCode.TOPIC_NOT_FOUND.toException();
    }
    if (partitions == null || partitions.isEmpty()) {
      throw ErrorCode.TOPIC_NOT_FOUND.toException();
    }
    consumer.subscribe(List.of(topic), new Rebalance());
    impliedTopic = topic;
  }

  /**
   * v2's subscription: replaces whatever the instance subscribed to (also v1's implicit topic). Buffered records of
   * topics left out are dropped at once; partitions move at the next poll's rebalance, through {@link Rebalance}.
   * Kafka refuses (IllegalStateException, 40903) when partitions were assigned by hand.
   */
  void subscribe(List<String> topics, String pattern) {
    if (topics != null && topics.isEmpty()) {
      // Kafka treats subscribing to no topics as unsubscribing (even from a manual assignment); so does the buffer.
      unsubscribe();
      return;
    }
    Predicate<String> wanted;
    if (topics != null) {
      requireLegal(topics);
      consumer.subscribe(topics, new Rebalance());
      wanted = Set.copyOf(topics)::contains;
    } else {
      Pattern compiled = Pattern.compile(pattern);
      consumer.subscribe(compiled, new Rebalance());
      wanted = compiled.asMatchPredicate();
    }
    buffer.dropIf(r -> !wanted.test(r.topic()));
    impliedTopic = null;
    subscribedPattern = topics == null ? pattern : null;
  }

  /** The subscribed topics (a pattern's current matches), sorted. */
  List<String> subscription() {
    return consumer.subscription().stream().sorted().toList();
  }

  /** Leaves the subscription or drops the manual assignment; what was returned is committed first if auto-commit. */
  void unsubscribe() {
    if (consumer.subscription().isEmpty()) {
      // A manual assignment has no rebalance callback to settle its partitions.
      release(consumer.assignment());
    }
    consumer.unsubscribe();
    buffer.clear();
    consumed.clear();
    impliedTopic = null;
    subscribedPattern = null;
  }

  /**
   * Replaces the manual assignment; no partitions is the same as unsubscribing (Kafka's rule). Kafka refuses
   * (IllegalStateException, 40903) while the instance is subscribed.
   */
  void assign(Collection<TopicPartition> partitions) {
    requireLegal(partitions.stream().map(TopicPartition::topic).toList());
    if (partitions.isEmpty()) {
      unsubscribe();
      return;
    }
    Set<TopicPartition> leaving = new HashSet<>(consumer.assignment());
    consumer.assign(partitions);
    leaving.removeAll(partitions);
    release(leaving);
  }

  /** The partitions held, by subscription or by hand, sorted by topic and partition. */
  List<TopicPartition> assignment() {
    return consumer.assignment().stream()
        .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition)).toList();
  }

  /**
   * Moves positions to explicit offsets, to offsets found by time, or to a log edge; partitions must all be held,
   * else nothing moves (40903). Buffered records of moved partitions are dropped, and a commit of "everything
   * returned" now stores the new position.
   */
  void seek(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> timestamps) {
    requireAssigned(offsets.keySet());
    requireAssigned(timestamps.keySet());
    Map<TopicPartition, Long> targets = new LinkedHashMap<>(offsets);
    // Times are applied after offsets, so a partition named in both ends up at the time's offset.
    targets.putAll(SeekTargets.atTimes(consumer, timestamps));
    moveTo(targets);
  }

  void seekToEdge(Collection<TopicPartition> partitions, SeekToEdge.Edge edge) {
    requireAssigned(partitions);
    moveTo(SeekTargets.atEdge(consumer, partitions, edge));
  }

  /** The group's committed offsets and metadata for the partitions that have one, in the order asked. */
  List<PartitionOffset> committed(Collection<TopicPartition> partitions) {
    requireLegal(partitions.stream().map(TopicPartition::topic).toList());
    Map<TopicPartition, OffsetAndMetadata> found = consumer.committed(new HashSet<>(partitions), METADATA_TIMEOUT);
    List<PartitionOffset> out = new ArrayList<>();
    for (TopicPartition tp : new LinkedHashSet<>(partitions)) {
      OffsetAndMetadata om = found.get(tp);
      if (om != null) {
        out.add(new PartitionOffset(tp.topic(), tp.partition(), om.offset(), om.metadata()));
      }
    }
    return out;
  }

  /**
   * A name Kafka could never accept (empty, over 249 characters, characters outside {@code [a-zA-Z0-9._-]}) is a
   * topic that does not exist (40401). Given to the client, it would fail inside Kafka's heartbeat thread or be
   * retried on every commit.
   */
  private static void requireLegal(Collection<String> topics) {
    for (String topic : topics) {
      try {
        Topic.validate(topic);
      } catch (InvalidTopicException e) {
        throw ErrorCode.TOPIC_NOT_FOUND.toException();
      }
    }
  }

  private void requireAssigned(Collection<TopicPartition> partitions) {
    Set<TopicPartition> held = consumer.assignment();
    for (TopicPartition tp : partitions) {
      if (!held.contains(tp)) {
        // Kafka's own words for a seek on a partition the consumer does not hold.
        throw new IllegalStateException("No current assignment for partition " + tp);
      }
    }
  }

  private void moveTo(Map<TopicPartition, Long> targets) {
    targets.forEach(consumer::seek);
    buffer.drop(targets.keySet());
    targets.forEach(consumed::seekedTo);
  }

  /**
   * Partitions this instance gives up: with auto-commit, what was returned from them is committed (best effort);
   * their buffered records and consumed offsets are forgotten.
   */
  private void release(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    if (autoCommit) {
      Map<TopicPartition, OffsetAndMetadata> offsets = consumed.toCommit(partitions);
      try {
        if (!offsets.isEmpty()) {
          consumer.commitSync(offsets);
        }
      } catch (RuntimeException e) {
        LOG.warn("Consumer {}/{}: commit on giving up partitions failed: {}", ref.group(), ref.instance(),
            e.toString());
      }
    }
    buffer.drop(partitions);
    consumed.forget(partitions);
  }

  /**
   * Polls Kafka once, for at most {@code slice} (up to {@link #JOIN_SLICE} while the group has not assigned this
   * subscribed instance anything yet, never past {@code timeLeft}), unless the buffer already holds {@code budget}
   * bytes (polling more would only grow the buffer). Group joins and rebalances make progress inside these polls.
   */
  void pollUnlessBuffered(long budget, Duration slice, Duration timeLeft) {
    maybeAutoCommit();
    if (!buffer.isEmpty() && buffer.bytes() >= budget) {
      return;
    }
    Duration wait = slice;
    if (consumer.assignment().isEmpty() && !consumer.subscription().isEmpty()) {
      wait = JOIN_SLICE.compareTo(timeLeft) < 0 ? JOIN_SLICE : timeLeft;
      wait = wait.compareTo(slice) > 0 ? wait : slice;
    }
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
      buffer.append(ConsumedRecords.of(record));
    }
  }

  /**
   * A poll with every assigned partition paused: it fetches nothing, but runs the group protocol (joins, syncs,
   * rebalance callbacks) for an instance nobody is reading from. Partitions assigned during this very poll are not
   * paused, so whatever they return is buffered like any poll's records, never dropped.
   */
  void keepInGroup() {
    if (consumer.subscription().isEmpty()) {
      return;
    }
    Set<TopicPartition> paused = new HashSet<>(consumer.assignment());
    consumer.pause(paused);
    try {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ZERO)) {
        buffer.append(ConsumedRecords.of(record));
      }
    } finally {
      paused.retainAll(consumer.assignment());
      consumer.resume(paused);
    }
  }

  /** Takes buffered records for a read's answer; from here on they count as consumed. */
  List<ConsumedRecord> take(long budget, boolean atLeastOne) {
    List<ConsumedRecord> taken = buffer.take(budget, atLeastOne);
    consumed.returned(taken);
    return taken;
  }

  boolean hasBuffered() {
    return !buffer.isEmpty();
  }

  /**
   * Gives back records a route could not deliver: they go to the front of the buffer and stop counting as
   * consumed. Records of partitions this instance no longer owns are left to their new owner, which reads them
   * from the last committed offset.
   */
  void requeue(List<ConsumedRecord> records) {
    Set<TopicPartition> owned = consumer.assignment();
    List<ConsumedRecord> kept = records.stream().filter(r -> owned.contains(ConsumedRecords.partitionOf(r)))
        .toList();
    buffer.pushFront(kept);
    consumed.rollBack(kept);
  }

  /** Commits, per partition, the offset after the last returned record. */
  List<CommittedPosition> commitConsumed() {
    Map<TopicPartition, OffsetAndMetadata> offsets = consumed.toCommit();
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
    }
    return consumed.positions();
  }

  /** Commits exactly the given offsets (already "next offset to read"). */
  List<CommittedPosition> commit(List<PartitionOffset> offsets) {
    Map<TopicPartition, OffsetAndMetadata> commit = new LinkedHashMap<>();
    for (PartitionOffset po : offsets) {
      commit.put(new TopicPartition(po.topic(), po.partition()),
          new OffsetAndMetadata(po.offset(), po.metadata() == null ? "" : po.metadata()));
    }
    requireLegal(commit.keySet().stream().map(TopicPartition::topic).toList());
    // Bounded: Kafka retries a commit for a partition no broker hosts until its default API timeout (a minute),
    // and every later request to this instance would wait behind it.
    consumer.commitSync(commit, METADATA_TIMEOUT);
    List<CommittedPosition> positions = new ArrayList<>();
    commit.forEach((tp, om) -> {
      Long last = consumed.lastReturned(tp);
      positions.add(new CommittedPosition(tp.topic(), tp.partition(), last != null ? last : om.offset() - 1,
          om.offset() - 1));
    });
    return positions;
  }

  /** Leaves the group and releases the client; later operations find the instance gone. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (autoCommit && !consumed.isEmpty()) {
      try {
        consumer.commitSync(consumed.toCommit(), CLOSE_TIMEOUT);
      } catch (RuntimeException e) {
        LOG.warn("Consumer {}/{}: final auto-commit failed: {}", ref.group(), ref.instance(), e.toString());
      }
    }
    try {
      consumer.close(CLOSE_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn("Consumer {}/{}: close failed: {}", ref.group(), ref.instance(), e.toString());
    }
    buffer.clear();
    onClose.run();
  }

  private void maybeAutoCommit() {
    long now = System.nanoTime();
    if (!autoCommit || consumed.isEmpty() || now - lastAutoCommitNanos < autoCommitIntervalNanos) {
      return;
    }
    lastAutoCommitNanos = now;
    consumer.commitAsync(consumed.toCommit(), (offsets, error) -> {
      if (error != null) {
        LOG.warn("Consumer {}/{}: auto-commit failed: {}", ref.group(), ref.instance(), error.toString());
      }
    });
  }

  /** Runs inside poll, on this executor: buffered records of partitions that move elsewhere are not ours to give. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      release(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // Positions of newly assigned partitions come from the group's committed offsets; nothing to do.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Lost, not revoked: another member may own them already, so committing for them could move its position.
      buffer.drop(partitions);
      consumed.forget(partitions);
    }
  }
}
