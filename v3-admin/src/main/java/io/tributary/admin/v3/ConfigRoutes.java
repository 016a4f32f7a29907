package io.tributary.admin.v3;

import io.tributary.core.admin.AlterConfigs;
import io.tributary.core.admin.AlterTopicsConfigs;
import io.tributary.core.admin.ConfigChange;
import io.tributary.core.admin.ConfigValue;
import io.tributary.core.admin.ConfigsList;
import io.tributary.core.admin.ListConfigs;
import io.tributary.core.admin.ResourceConfigs;
import io.tributary.core.admin.TopicConfigFailure;
import io.tributary.core.auth.Operation;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The config endpoints of one {@link ConfigKind}: list, get, put (set), delete (reset to default) and the atomic
 * batch {@code configs:alter}; for brokers and topics also the list over every resource ({@code brokers/-/configs},
 * {@code topics/-/configs}); for topics also the multi-topic {@code topics/-/configs:alter}.
 */
final class ConfigRoutes {
  private static final Set<String> VALUE_FIELDS = Set.of("value");
  private static final Set<String> ALTER_FIELDS = Set.of("data", "validate_only");
  private static final Set<String> ENTRY_FIELDS = Set.of("name", "value", "operation");
  private static final Set<String> TOPIC_ENTRY_FIELDS = Set.of("topic_name", "configs");
  private static final String ALTER_ALL_TOPICS = "/clusters/:cluster/topics/-/configs:alter";

  private final ConfigKind kind;
  private final String collection;
  private final String alterPath;
  private final String allPath;
  private final Guard guard;
  private final Function<V3Call, String> resource;

  private ConfigRoutes(ConfigKind kind, String collection, String alterPath, String allPath, Guard guard,
      Function<V3Call, String> resource) {
    this.kind = kind;
    this.collection = collection;
    this.alterPath = alterPath;
    this.allPath = allPath;
    this.guard = guard;
    this.resource = resource;
  }

  static ConfigRoutes brokers() {
    return new ConfigRoutes(ConfigKind.BROKER, "/clusters/:cluster/brokers/:broker/configs",
        "/clusters/:cluster/brokers/:broker/configs:alter", "/clusters/:cluster/brokers/-/configs",
        Guard.CLUSTER_ADMIN, call -> String.valueOf(call.broker()));
  }

  static ConfigRoutes topics() {
    return new ConfigRoutes(ConfigKind.TOPIC, "/clusters/:cluster/topics/:topic/configs",
        "/clusters/:cluster/topics/:topic/configs:alter", "/clusters/:cluster/topics/-/configs",
        Guard.topicAdmin("topic"), call -> call.path("topic"));
  }

  static ConfigRoutes cluster() {
    return new ConfigRoutes(ConfigKind.CLUSTER, "/clusters/:cluster/broker-configs",
        "/clusters/:cluster/broker-configs:alter", null, Guard.CLUSTER_ADMIN, call -> "");
  }

  void mount(V3Router r) {
    // The "-" paths first: "-" would otherwise be taken for a broker id or a topic name.
    if (allPath != null) {
      r.get(allPath, Guard.CLUSTER_ADMIN, this::listAll);
    }
    if (kind == ConfigKind.TOPIC) {
      r.post(ALTER_ALL_TOPICS, Guard.CLUSTER_ADMIN, this::alterTopics);
    }
    r.get(collection, guard, this::list);
    r.post(alterPath, guard, this::alter);
    r.get(collection + "/:name", guard, this::get);
    r.put(collection + "/:name", guard, this::set);
    r.delete(collection + "/:name", guard, this::reset);
  }

  private Future<ConfigsList> configs(V3Call call, String name) {
    return call.request(AdminOps.CONFIGS_LIST, new ListConfigs(kind.scope(), name));
  }

  private Future<V3Reply> list(V3Call call) {
    String name = resource.apply(call);
    return configs(call, name).map(all -> V3Reply.ok(CollectionJson.of(kind.listKind(),
        call.links().url(kind.collectionPath(name)), render(call, all.resources()))));
  }

  private Future<V3Reply> listAll(V3Call call) {
    // Topic configs are shown only for topics the principal may administer.
    return configs(call, null).map(all -> V3Reply.ok(CollectionJson.of(kind.listKind(),
        call.links().url(kind.collectionPath("-")),
        render(call, all.resources().stream()
            .filter(rc -> kind != ConfigKind.TOPIC || call.principal().may(Operation.ADMIN, rc.resource()))
            .toList()))));
  }

  private List<JsonObject> render(V3Call call, List<ResourceConfigs> resources) {
    List<JsonObject> data = new ArrayList<>();
    for (ResourceConfigs rc : resources) {
      for (ConfigValue c : rc.configs()) {
        data.add(ConfigJson.config(call.links(), kind, rc.resource(), c));
      }
    }
    return data;
  }

  private Future<V3Reply> get(V3Call call) {
    String name = resource.apply(call);
    String config = call.path("name");
    return configs(call, name).map(all -> all.resources().get(0).configs().stream()
        .filter(c -> c.name().equals(config))
        .findFirst()
        .map(c -> V3Reply.ok(ConfigJson.config(call.links(), kind, name, c)))
        .orElseThrow(() -> notFound(call, name, config)));
  }

  private Future<V3Reply> set(V3Call call) {
    V3Body body = V3Body.of(call.ctx(), "Request body is empty. Data is required.", VALUE_FIELDS);
    return change(call, List.of(ConfigChange.set(call.path("name"), body.string("value"))), false);
  }

  private Future<V3Reply> reset(V3Call call) {
    return change(call, List.of(ConfigChange.reset(call.path("name"))), false);
  }

  private Future<V3Reply> alter(V3Call call) {
    V3Body body = V3Body.of(call.ctx(), "Request body is empty. Data is required.", ALTER_FIELDS);
    return change(call, changes(body, "data"), body.bool("validate_only", false));
  }

  /**
   * {@code topics/-/configs:alter}: 204 when every topic was changed, 207 with the topics Kafka refused otherwise.
   * Unknown topics or config names, and topics the principal may not administer, fail the whole request first.
   */
  private Future<V3Reply> alterTopics(V3Call call) {
    V3Body body = V3Body.of(call.ctx(), "Request body is empty. Data is required.", ALTER_FIELDS);
    Map<String, List<ConfigChange>> byTopic = new LinkedHashMap<>();
    for (JsonObject entry : body.objects("data")) {
      V3Body topic = V3Body.of(entry, TOPIC_ENTRY_FIELDS);
      String name = topic.requiredString("topic_name");
      Access.require(call.ctx(), Operation.ADMIN, name);
      byTopic.computeIfAbsent(name, t -> new ArrayList<>()).addAll(changes(topic, "configs"));
    }
    return call.request(AdminOps.TOPICS_CONFIGS_ALTER,
            new AlterTopicsConfigs(byTopic, body.bool("validate_only", false)))
        .map(result -> result.failures().isEmpty()
            ? V3Reply.noContent()
            : new V3Reply(207, new JsonObject().put("failures", new JsonArray(result.failures().stream()
                .map(ConfigRoutes::failure).toList())), null));
  }

  private static JsonObject failure(TopicConfigFailure f) {
    TributaryException e = V3Errors.asV3(new TributaryException(ErrorCode.byCode(f.errorCode()), f.errorCode(),
        f.message()));
    return new JsonObject().put("topic_name", f.topic()).put("error_code", e.code()).put("message", e.getMessage());
  }

  private static List<ConfigChange> changes(V3Body body, String field) {
    List<ConfigChange> changes = new ArrayList<>();
    for (JsonObject entry : body.objects(field)) {
      changes.add(change(V3Body.of(entry, ENTRY_FIELDS)));
    }
    return changes;
  }

  private static ConfigChange change(V3Body entry) {
    String name = entry.requiredString("name");
    String operation = entry.string("operation");
    String op = operation == null ? "SET" : operation.toUpperCase(Locale.ROOT);
    return switch (op) {
      case "SET" -> ConfigChange.set(name, entry.string("value"));
      case "DELETE" -> ConfigChange.reset(name);
      default -> throw V3Body.wrongType("operation", "SET or DELETE");
    };
  }

  private Future<V3Reply> change(V3Call call, List<ConfigChange> changes, boolean validateOnly) {
    return call.request(AdminOps.CONFIGS_ALTER,
        new AlterConfigs(kind.scope(), resource.apply(call), changes, validateOnly)).map(ack -> V3Reply.noContent());
  }

  private RuntimeException notFound(V3Call call, String resourceName, String config) {
    String owner = kind == ConfigKind.CLUSTER ? "cluster-wide broker configs" : kind.scope() + " " + resourceName;
    return ErrorCode.NOT_FOUND.toException("Config " + config + " cannot be found for " + owner + " in cluster "
        + call.links().clusterId() + ".");
  }
}
