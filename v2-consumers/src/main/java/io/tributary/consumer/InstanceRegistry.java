package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The live consumer instances, at most {@code consumer.instances.max} of them. Touched only on the engine's context.
 *
 * <p>Instances are keyed by their whole {@link ConsumerRef}, principal included: an instance is found only by the
 * principal that created it, and any other principal gets exactly what a missing instance gets (40403), for every
 * operation alike, because they all look the instance up here. Each principal thus has its own instance names; the
 * same name in the same group can belong to two principals (two members of one Kafka group).
 */
final class InstanceRegistry {
  private final Map<ConsumerRef, ConsumerInstance> instances = new HashMap<>();
  private final int max;

  /** @param max the most instances held at once ({@code consumer.instances.max}) */
  InstanceRegistry(int max) {
    this.max = max;
  }

  /** kafka-rest's generated instance name: {@code rest-consumer-[<server id>-]<uuid>}. */
  static String generateName(String serverId) {
    return "rest-consumer-" + (serverId == null || serverId.isBlank() ? "" : serverId + "-") + UUID.randomUUID();
  }

  /** The instance, or 40403. */
  ConsumerInstance get(ConsumerRef ref) {
    ConsumerInstance instance = instances.get(ref);
    if (instance == null) {
      throw ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException();
    }
    return instance;
  }

  /** The instance, or null when this node does not hold it. */
  ConsumerInstance find(ConsumerRef ref) {
    return instances.get(ref);
  }

  /**
   * Registers a new instance: 40902 when its principal already has one of that name in the group, 42902 when the
   * server holds its maximum (each instance is a Kafka client with buffers: their number must be bounded).
   */
  void add(ConsumerInstance instance) {
    if (instances.containsKey(instance.ref())) {
      throw ErrorCode.CONSUMER_ALREADY_EXISTS.toException();
    }
    if (instances.size() >= max) {
      throw ErrorCode.CONSUMER_INSTANCES_EXHAUSTED.toException();
    }
    instances.put(instance.ref(), instance);
  }

  /** Forgets the instance and hands it back for closing, or 40403. */
  ConsumerInstance remove(ConsumerRef ref) {
    ConsumerInstance instance = instances.remove(ref);
    if (instance == null) {
      throw ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException();
    }
    return instance;
  }

  /** Forgets this very instance (not a newer one under the same name). */
  void forget(ConsumerInstance instance) {
    instances.remove(instance.ref(), instance);
  }

  /** Removes and returns the instances nobody used for longer than {@code timeoutMs}. */
  List<ConsumerInstance> removeIdle(long timeoutMs, long nowNanos) {
    List<ConsumerInstance> idle = new ArrayList<>();
    instances.values().removeIf(i -> {
      boolean expired = i.idleLongerThan(timeoutMs, nowNanos);
      if (expired) {
        idle.add(i);
      }
      return expired;
    });
    return idle;
  }

  /** How many instances are held. */
  int size() {
    return instances.size();
  }

  void forEach(Consumer<ConsumerInstance> action) {
    List.copyOf(instances.values()).forEach(action);
  }

  List<ConsumerInstance> removeAll() {
    List<ConsumerInstance> all = new ArrayList<>(instances.values());
    instances.clear();
    return all;
  }
}
