package io.tributary.consumer;

import java.util.function.Predicate;

/**
 * Where a request for a consumer instance is served in cluster mode: the rules, apart from the I/O that applies them
 * ({@link ClusterRouting}).
 */
enum InstanceRoute {
  /** Held by this node: served here, with no directory look-up. */
  LOCAL,
  /** Held by another live node: forwarded to it. */
  FORWARD,
  /** Listed, but its owner is gone (or it is listed for this node, which does not hold it): re-created here. */
  TAKE_OVER,
  /** Not listed: deleted, expired, never created, or another principal's (40403). */
  NOT_FOUND;

  /**
   * @param heldHere whether this node holds the instance
   * @param listed its directory entry, or null
   * @param self this node's id
   * @param isMember whether a node is a member of the cluster now
   */
  static InstanceRoute of(boolean heldHere, InstanceDefinition listed, String self, Predicate<String> isMember) {
    if (heldHere) {
      return LOCAL;
    }
    if (listed == null) {
      return NOT_FOUND;
    }
    String owner = listed.owner();
    if (!owner.equals(self) && isMember.test(owner)) {
      return FORWARD;
    }
    return TAKE_OVER;
  }
}
