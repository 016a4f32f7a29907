package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What defines a consumer instance in cluster mode, as the instance directory holds it ({@link InstanceDirectory}):
 * enough for any node to re-create the instance when its node is gone. Positions are not part of it: a re-created
 * instance resumes from its group's committed offsets.
 *
 * @param create the creation request, its instance name resolved (a generated name is stored as such)
 * @param topics the subscribed topics, or null
 * @param pattern the subscribed topic pattern, or null
 * @param assignment the partitions assigned by hand, or null
 * @param owner the id of the node that holds the instance
 * @param touchedMs when a client last used the instance (epoch ms, refreshed coarsely: {@link DirectoryUpkeep})
 */
record InstanceDefinition(CreateConsumer create, List<String> topics, String pattern, List<PartitionRef> assignment,
    String owner, long touchedMs) {
  /** Bump on an incompatible change of the stored form; an entry of another version is not re-created. */
  static final int VERSION = 1;

  InstanceDefinition {
    Objects.requireNonNull(create.name(), "a stored definition names its instance");
    topics = topics == null ? null : List.copyOf(topics);
    assignment = assignment == null ? null : List.copyOf(assignment);
    Objects.requireNonNull(owner, "owner");
  }

  /** A new instance: no subscription yet. */
  static InstanceDefinition created(CreateConsumer create, String owner, long nowMs) {
    return new InstanceDefinition(create, null, null, null, owner, nowMs);
  }

  ConsumerRef ref() {
    return refOf(create);
  }

  static ConsumerRef refOf(CreateConsumer create) {
    return new ConsumerRef(create.group(), create.name(), create.principal());
  }

  /** The directory's key of an instance: group, name and principal (an instance exists for its principal only). */
  static String keyOf(ConsumerRef ref) {
    return new JsonArray().add(ref.group()).add(ref.instance()).add(ref.principal()).encode();
  }

  InstanceDefinition withOwner(String node, long nowMs) {
    return new InstanceDefinition(create, topics, pattern, assignment, node, nowMs);
  }

  InstanceDefinition touched(long nowMs) {
    return new InstanceDefinition(create, topics, pattern, assignment, owner, nowMs);
  }

  /** As Kafka does, subscribing replaces a manual assignment's record and vice versa; no topics is none at all. */
  InstanceDefinition subscribed(List<String> newTopics, String newPattern) {
    if (newTopics != null && newTopics.isEmpty()) {
      return unsubscribed();
    }
    return new InstanceDefinition(create, newTopics, newTopics == null ? newPattern : null, null, owner, touchedMs);
  }

  InstanceDefinition assigned(List<PartitionRef> partitions) {
    if (partitions.isEmpty()) {
      return unsubscribed();
    }
    return new InstanceDefinition(create, null, null, partitions, owner, touchedMs);
  }

  InstanceDefinition unsubscribed() {
    return new InstanceDefinition(create, null, null, null, owner, touchedMs);
  }

  String toJson() {
    JsonObject c = new JsonObject().put("group", create.group()).put("name", create.name())
        .put("clientId", create.clientId()).put("format", create.format().name())
        .put("autoOffsetReset", create.autoOffsetReset()).put("autoCommit", create.autoCommit())
        .put("fetchMinBytes", create.fetchMinBytes()).put("requestTimeoutMs", create.requestTimeoutMs())
        .put("principal", create.principal());
    JsonObject json = new JsonObject().put("v", VERSION).put("create", c).put("owner", owner)
        .put("touchedMs", touchedMs);
    if (topics != null) {
      json.put("topics", new JsonArray(List.copyOf(topics)));
    }
    if (pattern != null) {
      json.put("pattern", pattern);
    }
    if (assignment != null) {
      JsonArray partitions = new JsonArray();
      assignment.forEach(p -> partitions.add(new JsonObject().put("topic", p.topic()).put("partition", p.partition())));
      json.put("assignment", partitions);
    }
    return json.encode();
  }

  /** The stored form back; an {@link IllegalArgumentException} for another version or a damaged entry. */
  static InstanceDefinition fromJson(String text) {
    JsonObject json = new JsonObject(text);
    Integer version = json.getInteger("v");
    if (version == null || version != VERSION) {
      throw new IllegalArgumentException("instance definition of version " + version + ", this node reads "
          + VERSION);
    }
    JsonObject c = json.getJsonObject("create");
    CreateConsumer create = new CreateConsumer(c.getString("group"), c.getString("name"), c.getString("clientId"),
        EmbeddedFormat.valueOf(c.getString("format")), c.getString("autoOffsetReset"), c.getBoolean("autoCommit"),
        c.getInteger("fetchMinBytes"), c.getInteger("requestTimeoutMs"), c.getString("principal"));
    JsonArray topics = json.getJsonArray("topics");
    JsonArray assignment = json.getJsonArray("assignment");
    return new InstanceDefinition(create,
        topics == null ? null : topics.stream().map(String.class::cast).toList(),
        json.getString("pattern"),
        assignment == null ? null : assignment.stream().map(JsonObject.class::cast)
            .map(p -> new PartitionRef(p.getString("topic"), p.getInteger("partition"))).toList(),
        json.getString("owner"), json.getLong("touchedMs"));
  }
}
