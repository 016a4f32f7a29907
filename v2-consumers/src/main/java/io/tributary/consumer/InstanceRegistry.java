package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The live consumer instances by (group, name). Touched only on the engine's context. */
final class InstanceRegistry {
  private final Map<ConsumerRef, ConsumerInstance> instances = new HashMap<>();

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

  /** Registers a new instance, or 40902 when the name is taken in its group. */
  void add(ConsumerInstance instance) {
    if (instances.putIfAbsent(instance.ref(), instance) != null) {
      throw ErrorCode.CONSUMER_ALREADY_EXISTS.toException();
    }
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

  void forEach(Consumer<ConsumerInstance> action) {
    List.copyOf(instances.values()).forEach(action);
  }

  List<ConsumerInstance> removeAll() {
    List<ConsumerInstance> all = new ArrayList<>(instances.values());
    instances.clear();
    return all;
  }
}
