package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where this node last found instances that other nodes hold (cluster mode), so that a run of requests for one
 * instance through a node that does not hold it costs one directory look-up, not one per request. Only a hint: the
 * owner it names re-checks every request against what it holds (and, when it does not hold the instance, against the
 * directory), so a stale entry can cost a retry, never a wrong answer; entries go when a forward through them fails,
 * when their node leaves, and the least recently used beyond {@link #MAX_ENTRIES}. Touched only on the engine's
 * context.
 */
final class KnownOwners {
  static final int MAX_ENTRIES = 10_000;

  private final Map<ConsumerRef, InstanceDefinition> owners = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ConsumerRef, InstanceDefinition> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** The definition (and so the owner) last found for {@code ref}, or null. */
  InstanceDefinition get(ConsumerRef ref) {
    return owners.get(ref);
  }

  void put(InstanceDefinition found) {
    owners.put(found.ref(), found);
  }

  void forget(ConsumerRef ref) {
    owners.remove(ref);
  }

  /** {@code node} left the cluster: nothing is known to be held there any more. */
  void nodeLeft(String node) {
    owners.values().removeIf(definition -> definition.owner().equals(node));
  }

  int size() {
    return owners.size();
  }
}
