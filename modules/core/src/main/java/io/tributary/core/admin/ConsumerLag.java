package io.tributary.core.admin;

/**
 * How far a group's committed offset for a partition trails the partition's end. The member fields name the member
 * the partition is assigned to: empty strings (and a null instance id) when no member has it.
 */
public record ConsumerLag(String topic, int partition, long currentOffset, long logEndOffset, String consumerId,
    String instanceId, String clientId) {
  /** Never negative: a commit may race ahead of the end offset read a moment earlier. */
  public long lag() {
    return Math.max(0, logEndOffset - currentOffset);
  }
}
