package io.tributary.admin.v3;

import io.tributary.core.admin.ConfigScope;
import io.vertx.core.json.JsonObject;

/**
 * The three kinds of config resources of v3 (broker, topic, cluster-wide broker default): their kinds, URL paths,
 * CRN paths and identifying field. {@code resource} is the broker id or topic name (ignored for cluster configs).
 */
enum ConfigKind {
  BROKER(ConfigScope.BROKER, "KafkaBrokerConfig") {
    @Override
    Object[] collectionPath(String resource) {
      return new Object[] {"brokers", resource, "configs"};
    }

    @Override
    Object[] crnPath(String resource, String name) {
      return new Object[] {"broker", resource, "config", name};
    }

    @Override
    void identify(JsonObject json, String resource) {
      json.put("broker_id", Integer.parseInt(resource));
    }
  },
  TOPIC(ConfigScope.TOPIC, "KafkaTopicConfig") {
    @Override
    Object[] collectionPath(String resource) {
      return new Object[] {"topics", resource, "configs"};
    }

    @Override
    Object[] crnPath(String resource, String name) {
      return new Object[] {"topic", resource, "config", name};
    }

    @Override
    void identify(JsonObject json, String resource) {
      json.put("topic_name", resource);
    }
  },
  CLUSTER(ConfigScope.CLUSTER, "KafkaClusterConfig") {
    @Override
    Object[] collectionPath(String resource) {
      return new Object[] {"broker-configs"};
    }

    @Override
    Object[] crnPath(String resource, String name) {
      return new Object[] {"broker-config", name};
    }

    @Override
    void identify(JsonObject json, String resource) {
      json.put("config_type", "BROKER");
    }
  };

  private final ConfigScope scope;
  private final String kind;

  ConfigKind(ConfigScope scope, String kind) {
    this.scope = scope;
    this.kind = kind;
  }

  ConfigScope scope() {
    return scope;
  }

  String kind() {
    return kind;
  }

  String listKind() {
    return kind + "List";
  }

  /** URL path segments (below the cluster) of the resource's configs. */
  abstract Object[] collectionPath(String resource);

  /** CRN {@code type, id} pairs (below the cluster) of one config. */
  abstract Object[] crnPath(String resource, String name);

  /** Adds the field that says which broker, topic or config type the config belongs to. */
  abstract void identify(JsonObject json, String resource);

  /** URL path segments of one config. */
  Object[] configPath(String resource, String name) {
    Object[] collection = collectionPath(resource);
    Object[] path = java.util.Arrays.copyOf(collection, collection.length + 1);
    path[collection.length] = name;
    return path;
  }
}
