package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;
import java.util.Optional;

/**
 * A Kafka consumer group (not a REST consumer instance). {@code state} and {@code type} are the names of Kafka's
 * group state and group type; {@code coordinator} is a broker id, -1 when unknown. Members are sorted by id.
 */
public record ConsumerGroupDetails(String groupId, boolean simple, String partitionAssignor, String state,
    String type, int coordinator, List<GroupMember> members) implements BusMessage {
  public ConsumerGroupDetails {
    members = List.copyOf(members);
  }

  public Optional<GroupMember> member(String consumerId) {
    return members.stream().filter(m -> m.consumerId().equals(consumerId)).findFirst();
  }
}
