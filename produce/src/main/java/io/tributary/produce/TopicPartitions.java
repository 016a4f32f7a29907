package io.tributary.produce;

import io.tributary.core.bus.Addresses;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a produce request against the topic's partitions before anything is sent, so that a request naming a
 * partition that does not exist writes nothing. Topic descriptions come from the admin engine (which owns the only
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

  private record Cached(Future<TopicDescription> description, long expiresAt) {}

  TopicPartitions(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Succeeds when the topic exists (or was just created) and has every partition the records name explicitly. */
  Future<Void> check(ProduceRequest request) {
    Set<Integer> named = request.records().stream().map(OutgoingRecord::partition).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    return describe(request.topic(), request.autoCreate(), false)
        .compose(cached -> hasAll(cached, named)
            ? Future.<Void>succeededFuture()
            : describe(request.topic(), request.autoCreate(), true).compose(fresh -> hasAll(fresh, named)
                ? Future.succeededFuture()
                : Future.failedFuture(ErrorCode.PARTITION_NOT_FOUND.toException())));
  }

  private static boolean hasAll(TopicDescription topic, Set<Integer> partitions) {
    return partitions.stream().allMatch(p -> topic.partition(p).isPresent());
  }

  private Future<TopicDescription> describe(String topic, boolean autoCreate, boolean refresh) {
    long now = System.nanoTime();
    Cached hit = cache.get(topic);
    if (!refresh && hit != null && hit.expiresAt - now > 0) {
      return hit.description;
    }
    // Concurrent requests for the same topic share one look-up; failures are not remembered.
    Future<TopicDescription> lookup = vertx.eventBus()
        .<TopicDescription>request(Addresses.ADMIN_TOPIC_ENSURE, new EnsureTopic(topic, autoCreate))
        .map(Message::body)
        .recover(error -> Future.failedFuture(BusFailures.fromReply(error)));
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
