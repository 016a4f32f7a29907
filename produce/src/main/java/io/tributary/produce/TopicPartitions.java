package io.tributary.produce;

import io.tributary.core.bus.AdminOps;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a produce request against the topic's partitions before anything is sent, so that a record naming a
 * partition that does not exist is never sent. Topic descriptions come from the admin engine (which owns the only
 * Admin client, and creates the topic when allowed) and are kept briefly; a partition that is not in a cached
 * description triggers one fresh look-up, because partitions can be added at any time.
 *
 * <p>Confined to the engine's context: no synchronization.
 */
final class TopicPartitions {
  private static final long TTL_NANOS = 30_000_000_000L;
  private static final int SWEEP_THRESHOLD = 1_000;

  private final Vertx vertx;
  private final Map<String, Cached> cache = new HashMap<>();
  // Per topic, the last answer not given yet: the next request's answer comes after it.
  private final Map<String, Future<Set<Integer>>> unanswered = new HashMap<>();

  private record Cached(Future<TopicDescription> description, long expiresAt) {}

  TopicPartitions(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * The partitions the records name explicitly that the topic does not have (empty when all exist); fails with
   * 40401 when the topic does not exist and may not be created.
   *
   * <p>Answers for one topic come in the order they were asked for, also when an earlier request waits for a
   * fresh look-up that a later one does not need: the engine sends a request's records as soon as its answer is
   * there, so this keeps the records of one topic in arrival order.
   */
  Future<Set<Integer>> missingPartitions(ProduceRequest request) {
    String topic = request.topic();
    Future<Set<Integer>> earlier = unanswered.get(topic);
    Future<Set<Integer>> answer = earlier == null
        ? lookUpMissing(request)
        : earlier.transform(ignored -> lookUpMissing(request));
    unanswered.put(topic, answer);
    answer.onComplete(done -> unanswered.remove(topic, answer));
    return answer;
  }

  private Future<Set<Integer>> lookUpMissing(ProduceRequest request) {
    Set<Integer> named = request.records().stream().map(OutgoingRecord::partition).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    return describe(request.topic(), request.autoCreate(), false)
        .compose(cached -> missing(cached, named).isEmpty()
            ? Future.succeededFuture(Set.<Integer>of())
            : describe(request.topic(), request.autoCreate(), true).map(fresh -> missing(fresh, named)));
  }

  private static Set<Integer> missing(TopicDescription topic, Set<Integer> partitions) {
    return partitions.stream().filter(p -> topic.partition(p).isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  private Future<TopicDescription> describe(String topic, boolean autoCreate, boolean refresh) {
    long now = System.nanoTime();
    Cached hit = cache.get(topic);
    if (!refresh && hit != null && hit.expiresAt - now > 0) {
      return hit.description;
    }
    // Concurrent requests for the same topic share one look-up; failures are not remembered.
    Future<TopicDescription> lookup = AdminOps.TOPIC_ENSURE.call(vertx, new EnsureTopic(topic, autoCreate));
    Cached entry = new Cached(lookup, now + TTL_NANOS);
    sweepIfLarge(now);
    cache.put(topic, entry);
    lookup.onFailure(error -> cache.remove(topic, entry));
    return lookup;
  }

  private void sweepIfLarge(long now) {
    if (cache.size() >= SWEEP_THRESHOLD) {
      cache.values().removeIf(c -> c.expiresAt - now <= 0);
    }
  }
}
