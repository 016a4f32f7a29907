package io.tributary.core.cluster;

import io.tributary.core.bus.BusMessage;

/**
 * Asks a peer to ping {@code node} (the asker) on that node's own address: whether the asker can be reached from
 * the rest of the cluster, which the asker cannot learn by sending to itself.
 *
 * @param node the Vert.x node id to ping
 */
public record ReachBack(String node) implements BusMessage {}
