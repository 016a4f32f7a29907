package io.tributary.consumer;

import io.tributary.core.cluster.ClusterNodes;
import io.tributary.core.consumer.ConsumerRef;
import io.vertx.core.Vertx;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instance directory true to the instances (cluster mode). Once a second it refreshes the touched time of
 * the entries of instances used here since their last refresh, at most every quarter of
 * {@code consumer.instance.timeout.ms} per instance (never per read). Every quarter of that timeout (1 s to 60 s),
 * and at once when nodes join (a healed split), it scans the whole directory: an entry whose owner is gone and that
 * nobody touched for the timeout (plus the refresh granularity) expires, as its instance would have on its node; an
 * instance held here that the directory lists for another node (or no longer lists) is closed here.
 */
final class DirectoryUpkeep {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryUpkeep.class);
  private static final long TICK_MS = 1_000;

  private final Vertx vertx;
  private final ClusterNodes nodes;
  private final InstanceDirectory directory;
  private final InstanceRegistry registry;
  private final ClusterRouting routing;
  private final Consumer<ConsumerRef> onOrphanExpired;
  private final long touchEveryNanos;
  private final long orphanTimeoutMs;
  private final long scanEveryMs;
  private long timerId = -1;
  private long nextScanMs;
  private boolean scanning;
  private Set<String> lastMembers = Set.of();

  /** @param onOrphanExpired counts each entry expired for an instance whose node is gone */
  DirectoryUpkeep(Vertx vertx, ClusterNodes nodes, InstanceDirectory directory, InstanceRegistry registry,
      ClusterRouting routing, long instanceTimeoutMs, Consumer<ConsumerRef> onOrphanExpired) {
    this.vertx = vertx;
    this.nodes = nodes;
    this.directory = directory;
    this.registry = registry;
    this.routing = routing;
    this.onOrphanExpired = onOrphanExpired;
    long granularityMs = instanceTimeoutMs / 4;
    this.touchEveryNanos = granularityMs * 1_000_000L;
    this.orphanTimeoutMs = instanceTimeoutMs + granularityMs + TICK_MS;
    this.scanEveryMs = Math.max(TICK_MS, Math.min(granularityMs, 60_000L));
  }

  void start() {
    lastMembers = Set.copyOf(nodes.members());
    nextScanMs = System.currentTimeMillis() + scanEveryMs;
    timerId = vertx.setPeriodic(TICK_MS, id -> tick());
  }

  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private void tick() {
    refreshTouched(System.nanoTime());
    Set<String> members = Set.copyOf(nodes.members());
    boolean joined = !lastMembers.containsAll(members);
    lastMembers = members;
    long now = System.currentTimeMillis();
    if (joined || now >= nextScanMs) {
      nextScanMs = now + scanEveryMs;
      scan();
    }
  }

  private void refreshTouched(long nowNanos) {
    Iterator<Map.Entry<ConsumerRef, Long>> listed = routing.listed().entrySet().iterator();
    while (listed.hasNext()) {
      Map.Entry<ConsumerRef, Long> entry = listed.next();
      ConsumerInstance instance = registry.find(entry.getKey());
      if (instance == null) {
        listed.remove();
        continue;
      }
      if (instance.lastUsedNanos() - entry.getValue() > 0 && nowNanos - entry.getValue() >= touchEveryNanos) {
        entry.setValue(nowNanos);
        ConsumerRef ref = entry.getKey();
        directory.update(ref, routing.self(), d -> d.touched(System.currentTimeMillis())).onSuccess(updated -> {
          if (updated == null) {
            directory.find(ref).onSuccess(found -> routing.closeLocalCopy(ref,
                found == null ? null : found.definition().owner()));
          }
        });
      }
    }
  }

  private void scan() {
    if (scanning) {
      return;
    }
    scanning = true;
    directory.all().onComplete(ar -> {
      scanning = false;
      if (ar.failed()) {
        return;
      }
      long now = System.currentTimeMillis();
      String self = routing.self();
      for (InstanceDirectory.Entry entry : ar.result()) {
        InstanceDefinition definition = entry.definition();
        ConsumerRef ref = definition.ref();
        boolean held = registry.find(ref) != null;
        if (routing.isArriving(ref)) {
          continue;
        }
        if (held && !definition.owner().equals(self)) {
          routing.closeLocalCopy(ref, definition.owner());
        } else if (!held && (definition.owner().equals(self) || !nodes.isMember(definition.owner()))
            && now - definition.touchedMs() > orphanTimeoutMs) {
          directory.remove(entry).onSuccess(removed -> {
            if (removed) {
              LOG.info("Consumer instance {}/{} expired: its node {} is gone and nobody used it for {} ms",
                  ref.group(), ref.instance(), definition.owner(), now - definition.touchedMs());
              onOrphanExpired.accept(ref);
            }
          });
        }
      }
    });
  }
}
