package io.tributary.formats.registry.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Remembers registry answers so that the produce and consume paths ask the registry once per schema, not once per
 * record: ids and subject versions never change once assigned, so those are kept for good (failures are not kept);
 * "latest version" answers are reused for a configured time, since a subject can gain versions. Concurrent identical
 * questions share one request. Thread-safe: one instance serves every converter worker.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
  private record SchemaKey(String subject, SchemaType type, String schema, List<SchemaReference> references) {
    SchemaKey(String subject, SchemaType type, String schema) {
      this(subject, type, schema, List.of());
    }
  }

  private record VersionKey(String subject, int version) {}

  private record Timed<T>(Future<T> answer, long at) {}

  private final SchemaRegistryClient delegate;
  private final long latestTtlMs;
  private final LongSupplier clock;
  private final Map<SchemaKey, Future<Integer>> registered = new ConcurrentHashMap<>();
  private final Map<SchemaKey, Future<SubjectVersion>> lookups = new ConcurrentHashMap<>();
  private final Map<Integer, Future<RegisteredSchema>> byId = new ConcurrentHashMap<>();
  private final Map<VersionKey, Future<SubjectVersion>> versions = new ConcurrentHashMap<>();
  private final Map<String, Timed<SubjectVersion>> latest = new ConcurrentHashMap<>();

  private final Counter hits;
  private final Counter misses;

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs) {
    this(delegate, latestTtlMs, new CompositeMeterRegistry());
  }

  /** @param meters where {@code tributary.registry.schema.cache} counts hits and misses */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs, MeterRegistry meters) {
    this(delegate, latestTtlMs, System::currentTimeMillis, meters);
  }

  CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs, LongSupplier clock) {
    this(delegate, latestTtlMs, clock, new CompositeMeterRegistry());
  }

  private CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlMs, LongSupplier clock,
      MeterRegistry meters) {
    this.delegate = delegate;
    this.latestTtlMs = latestTtlMs;
    this.clock = clock;
    this.hits = cacheCounter(meters, "hit");
    this.misses = cacheCounter(meters, "miss");
  }

  private static Counter cacheCounter(MeterRegistry meters, String result) {
    return Counter.builder("tributary.registry.schema.cache").tag("result", result)
        .description("Schema registry lookups answered from the proxy's cache (hit) or asked of the registry (miss)")
        .register(meters);
  }

  @Override
  public Future<Integer> register(String subject, SchemaType type, String schema) {
    return cached(registered, new SchemaKey(subject, type, schema), () -> delegate.register(subject, type, schema));
  }

  @Override
  public Future<RegisteredSchema> getById(int id) {
    return cached(byId, id, () -> delegate.getById(id));
  }

  @Override
  public Future<SubjectVersion> getVersion(String subject, int version) {
    return cached(versions, new VersionKey(subject, version), () -> remember(delegate.getVersion(subject, version)));
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema) {
    return cached(lookups, new SchemaKey(subject, type, schema),
        () -> remember(delegate.lookup(subject, type, schema)));
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema,
      List<SchemaReference> references) {
    if (references.isEmpty()) {
      return lookup(subject, type, schema);
    }
    return cached(lookups, new SchemaKey(subject, type, schema, List.copyOf(references)),
        () -> remember(delegate.lookup(subject, type, schema, references)));
  }

  @Override
  public Future<SubjectVersion> getLatest(String subject) {
    long now = clock.getAsLong();
    Timed<SubjectVersion> entry = latest.compute(subject, (s, old) -> {
      boolean fresh = old != null && (!old.answer().isComplete() || now - old.at() < latestTtlMs);
      (fresh ? hits : misses).increment();
      return fresh ? old : new Timed<>(remember(delegate.getLatest(subject)), now);
    });
    entry.answer().onFailure(e -> latest.remove(subject, entry));
    return onCallersContext(entry.answer());
  }

  /** A version answer also tells the schema behind its id. */
  private Future<SubjectVersion> remember(Future<SubjectVersion> answer) {
    return answer.onSuccess(v -> byId.putIfAbsent(v.id(), Future.succeededFuture(v.registered())));
  }

  private <K, V> Future<V> cached(Map<K, Future<V>> cache, K key, Supplier<Future<V>> ask) {
    boolean[] asked = new boolean[1];
    Future<V> answer = cache.computeIfAbsent(key, k -> {
      asked[0] = true;
      return ask.get();
    });
    (asked[0] ? misses : hits).increment();
    answer.onFailure(e -> cache.remove(key, answer));
    return onCallersContext(answer);
  }

  /**
   * A shared answer still in flight completes on the context of whoever asked first; later askers get it on their
   * own context, so that their follow-up work runs where they expect it to.
   */
  private static <V> Future<V> onCallersContext(Future<V> answer) {
    if (answer.isComplete()) {
      return answer;
    }
    Context context = Vertx.currentContext();
    if (context == null) {
      return answer;
    }
    Promise<V> promise = Promise.promise();
    answer.onComplete(ar -> context.runOnContext(v -> promise.handle(ar)));
    return promise.future();
  }
}
