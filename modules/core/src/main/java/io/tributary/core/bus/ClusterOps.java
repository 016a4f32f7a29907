package io.tributary.core.bus;

import io.tributary.core.cluster.NodePing;
import io.tributary.core.cluster.ReachBack;

/**
 * Operations about the cluster itself, between its nodes: each node serves them on its own address ({@code onNode})
 * for the others, and on the public one.
 */
public final class ClusterOps {
  /** Answers that this node is there. */
  public static final BusOperation<NodePing, Ack> PING =
      BusOperation.of("tributary.cluster.ping", NodePing.class, Ack.class);
  /**
   * Pings the node named and answers once it answered; fails (503) when it could not, which tells the asker that
   * its peers cannot reach it.
   */
  public static final BusOperation<ReachBack, Ack> REACH_BACK =
      BusOperation.of("tributary.cluster.reach-back", ReachBack.class, Ack.class);

  private ClusterOps() {}
}
