package io.tributary.admin.v3;

import io.tributary.core.admin.CreateTopic;
import io.tributary.core.admin.DeleteTopic;
import io.tributary.core.admin.DescribeAllTopics;
import io.tributary.core.admin.DescribeTopicDetails;
import io.tributary.core.admin.IncreasePartitions;
import io.tributary.core.auth.Operation;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topics: list, create (also validate-only), describe, increase partitions, delete. */
final class TopicRoutes {
  private static final String TOPICS = "/clusters/:cluster/topics";
  private static final Set<String> CREATE_FIELDS = Set.of("topic_name", "partitions_count", "replication_factor",
      "replicas_assignments", "configs", "validate_only");
  private static final Set<String> CONFIG_FIELDS = Set.of("name", "value");
  private static final Set<String> PATCH_FIELDS = Set.of("partitions_count");

  void mount(V3Router r) {
    r.get(TOPICS, Guard.NONE, this::list);
    r.post(TOPICS, Guard.NONE, this::create);
    r.get(TOPICS + "/:topic", Guard.topicAdmin("topic"), this::get);
    r.patch(TOPICS + "/:topic", Guard.topicAdmin("topic"), this::increasePartitions);
    r.delete(TOPICS + "/:topic", Guard.topicAdmin("topic"), this::delete);
  }

  /** Only the topics the principal may see; note the camelCase query parameter of this one endpoint. */
  private Future<V3Reply> list(V3Call call) {
    boolean operations = call.queryFlag("includeAuthorizedOperations");
    return call.request(AdminOps.TOPICS_DETAILS_ALL, new DescribeAllTopics(operations))
        .map(all -> V3Reply.ok(CollectionJson.of("KafkaTopicList", call.links().url("topics"), all.topics().stream()
            .filter(t -> call.principal().maySee(t.name()))
            .map(t -> TopicJson.topic(call.links(), t))
            .toList())));
  }

  private Future<V3Reply> get(V3Call call) {
    boolean operations = call.queryFlag("include_authorized_operations");
    return call.request(AdminOps.TOPIC_DETAILS,
            new DescribeTopicDetails(call.path("topic"), operations))
        .map(t -> V3Reply.ok(TopicJson.topic(call.links(), t)))
        // The reference records a plain JAX-RS 404 for this endpoint, unlike the 40403 of the others.
        .recover(e -> Future.failedFuture(V3Errors.isUnknownTopic(e) ? ErrorCode.NOT_FOUND.toException() : e));
  }

  private Future<V3Reply> create(V3Call call) {
    CreateTopic request = parseCreate(V3Body.of(call.ctx(), "Request body is empty. Data is required.",
        CREATE_FIELDS));
    Access.require(call.ctx(), Operation.ADMIN, request.name());
    return call.request(AdminOps.TOPIC_CREATE, request).map(created -> {
      JsonObject topic = TopicJson.topic(call.links(), created.name(), false, created.replicationFactor(),
          created.partitionsCount(), List.of());
      // A dry run creates nothing, so there is nothing to point a Location at.
      return request.validateOnly()
          ? V3Reply.ok(topic)
          : V3Reply.created(topic, TopicJson.self(call.links(), created.name()));
    });
  }

  private static CreateTopic parseCreate(V3Body body) {
    // Confluent's proxy answers a create without topic_name (`{}` included) with 400/400, not 42206.
    if (!body.has("topic_name")) {
      throw V3Body.missingField("topic_name");
    }
    String name = body.requiredString("topic_name");
    Integer partitions = body.integer("partitions_count");
    Integer replication = body.integer("replication_factor");
    if (replication != null && (replication < Short.MIN_VALUE || replication > Short.MAX_VALUE)) {
      throw V3Body.wrongType("replication_factor", "a 16-bit integer");
    }
    return new CreateTopic(name, partitions, replication == null ? null : replication.shortValue(),
        assignments(body.object("replicas_assignments")), body.has("configs") ? configs(body) : Map.of(),
        body.bool("validate_only", false));
  }

  private static Map<Integer, List<Integer>> assignments(JsonObject json) {
    Map<Integer, List<Integer>> assignments = new LinkedHashMap<>();
    if (json == null) {
      return assignments;
    }
    for (String partition : json.fieldNames()) {
      int id;
      try {
        id = Integer.parseInt(partition);
      } catch (NumberFormatException e) {
        throw V3Body.wrongType("replicas_assignments", "an object keyed by partition ids");
      }
      if (!(json.getValue(partition) instanceof JsonArray brokers)) {
        throw V3Body.wrongType("replicas_assignments", "arrays of broker ids");
      }
      List<Integer> ids = new ArrayList<>();
      for (Object broker : brokers) {
        if (!(broker instanceof Integer b)) {
          throw V3Body.wrongType("replicas_assignments", "arrays of broker ids");
        }
        ids.add(b);
      }
      assignments.put(id, List.copyOf(ids));
    }
    return assignments;
  }

  private static Map<String, String> configs(V3Body body) {
    Map<String, String> configs = new LinkedHashMap<>();
    for (JsonObject entry : body.objects("configs")) {
      V3Body config = V3Body.of(entry, CONFIG_FIELDS);
      configs.put(config.requiredString("name"), config.string("value"));
    }
    return configs;
  }

  private Future<V3Reply> increasePartitions(V3Call call) {
    V3Body body = V3Body.of(call.ctx(), "Request body is empty. Partitions_count is required.", PATCH_FIELDS);
    Integer count = body.integer("partitions_count");
    if (count == null) {
      throw V3Body.payloadError("Request body is empty. Partitions_count is required.");
    }
    return call.request(AdminOps.TOPIC_PARTITIONS_INCREASE,
            new IncreasePartitions(call.path("topic"), count))
        .map(t -> V3Reply.ok(TopicJson.topic(call.links(), t)));
  }

  private Future<V3Reply> delete(V3Call call) {
    return call.request(AdminOps.TOPIC_DELETE, new DeleteTopic(call.path("topic")))
        .map(ack -> V3Reply.noContent());
  }
}
