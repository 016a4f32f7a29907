package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide directory of consumer instances (cluster mode only): a Vert.x async map, a Hazelcast map with
 * backups underneath, from an instance's key ({@link InstanceDefinition#keyOf}) to its stored definition. Values are
 * JSON strings, so that compare-and-set compares exactly what was read. Every change is a compare-and-set on the
 * value last read, so two nodes that race (two creates of one name, two take-overs of one orphan) change it once.
 */
final class InstanceDirectory {
  static final String MAP_NAME = "tributary.consumer.instances";
  private static final Logger LOG = LoggerFactory.getLogger(InstanceDirectory.class);
  private static final int CAS_ATTEMPTS = 5;

  /** One entry as read: the stored text (for compare-and-set) and its definition. */
  record Entry(String stored, InstanceDefinition definition) {
    String key() {
      return InstanceDefinition.keyOf(definition.ref());
    }
  }

  private final AsyncMap<String, String> map;

  private InstanceDirectory(AsyncMap<String, String> map) {
    this.map = map;
  }

  static Future<InstanceDirectory> open(Vertx vertx) {
    return vertx.sharedData().<String, String>getAsyncMap(MAP_NAME).map(InstanceDirectory::new);
  }

  /** Lists a new instance; false when the key is taken (by this principal's instance of that name, anywhere). */
  Future<Boolean> register(InstanceDefinition definition) {
    return guard(map.putIfAbsent(InstanceDefinition.keyOf(definition.ref()), definition.toJson())
        .map(previous -> previous == null));
  }

  /** The instance's entry, or null when none (or one this node cannot read: it is left alone, logged). */
  Future<Entry> find(ConsumerRef ref) {
    return guard(map.get(InstanceDefinition.keyOf(ref)).map(InstanceDirectory::entryOf));
  }

  /** Replaces {@code current} with {@code next} if nobody changed it since it was read. */
  Future<Entry> replace(Entry current, InstanceDefinition next) {
    String stored = next.toJson();
    return guard(map.replaceIfPresent(current.key(), current.stored(), stored)
        .map(replaced -> replaced ? new Entry(stored, next) : null));
  }

  /** Removes {@code current} if nobody changed it since it was read. */
  Future<Boolean> remove(Entry current) {
    return guard(map.removeIfPresent(current.key(), current.stored()));
  }

  /**
   * Applies {@code change} to the entry while it names {@code owner}, retrying when another writer got in between;
   * null when there is no entry or it names another owner (then nothing changes).
   */
  Future<Entry> update(ConsumerRef ref, String owner, UnaryOperator<InstanceDefinition> change) {
    return update(ref, owner, change, CAS_ATTEMPTS);
  }

  private Future<Entry> update(ConsumerRef ref, String owner, UnaryOperator<InstanceDefinition> change,
      int attemptsLeft) {
    return find(ref).compose(entry -> {
      if (entry == null || !entry.definition().owner().equals(owner)) {
        return Future.succeededFuture(null);
      }
      return replace(entry, change.apply(entry.definition())).compose(replaced -> replaced != null || attemptsLeft <= 1
          ? Future.succeededFuture(replaced) : update(ref, owner, change, attemptsLeft - 1));
    });
  }

  /** Removes the entry if it names {@code owner}; false otherwise. */
  Future<Boolean> removeOwned(ConsumerRef ref, String owner) {
    return find(ref).compose(entry -> entry == null || !entry.definition().owner().equals(owner)
        ? Future.succeededFuture(false) : remove(entry));
  }

  /** Every readable entry (a copy of the whole map: for the periodic scan only). */
  Future<List<Entry>> all() {
    return guard(map.values().map(values -> {
      List<Entry> entries = new ArrayList<>(values.size());
      for (String value : values) {
        Entry entry = entryOf(value);
        if (entry != null) {
          entries.add(entry);
        }
      }
      return entries;
    }));
  }

  /** A directory that does not answer (the cluster is reforming, a partition has no owner yet) is a 503. */
  private static <T> Future<T> guard(Future<T> operation) {
    return operation.recover(error -> {
      LOG.warn("Consumer instance directory did not answer: {}", error.toString());
      return Future.failedFuture(ErrorCode.SERVICE_UNAVAILABLE.toException(
          "The cluster's consumer instance directory is not available; retry the request."));
    });
  }

  private static Entry entryOf(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return new Entry(stored, InstanceDefinition.fromJson(stored));
    } catch (RuntimeException e) {
      LOG.warn("Consumer instance directory: an entry this node cannot read is left alone ({})", e.getMessage());
      return null;
    }
  }
}
