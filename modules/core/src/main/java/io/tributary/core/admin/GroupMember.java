package io.tributary.core.admin;

import java.util.List;

/** A member of a consumer group; {@code instanceId} is null for dynamic members. */
public record GroupMember(String consumerId, String instanceId, String clientId, String host,
    List<AssignedPartition> assignments) {
  public GroupMember {
    assignments = List.copyOf(assignments);
  }
}
